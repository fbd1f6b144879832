using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Identity;

namespace CitySpiritAwards.Web.Judging;

/// <summary>One judge of an entry as the chair sees it: where their score stands, its weighted value once submitted, their comment.</summary>
public sealed record JudgeScore(string MemberId, string Name, SheetStatus Status, decimal? WeightedScore, string? Comment);

/// <summary>One entry's judging as the chair sees it (still blind: never the nominator).</summary>
public sealed record EntryProgress(BlindEntry Entry, IReadOnlyList<JudgeScore> Judges, IReadOnlyList<RecusalRecord> Recusals, bool ShortOfJudges);

public sealed record MemberProgress(string MemberId, string Name, int Assigned, int Submitted, int Drafts);

/// <summary>One category's round: its panel, when judges were assigned, progress per member and per entry, and the shortlist once final.</summary>
public sealed record CategoryProgress(
    string CategoryId,
    IReadOnlyList<PanelSeat> Panel,
    DateTimeOffset? AssignedAt,
    IReadOnlyList<MemberProgress> Members,
    IReadOnlyList<EntryProgress> Entries,
    ShortlistSnapshot? Shortlist);

public sealed record ChairOverview(string CampaignId, CampaignPhase Phase, int JudgesPerEntry, DateTimeOffset? ClosesAt, IReadOnlyList<CategoryProgress> Categories);

/// <summary>What committee chairs (and administrators) do: panels, progress, reassignment, reminders, finalising early.</summary>
public sealed class ChairServices(JudgingServices judging, UserManager<AwardsUser> users, JudgingRoundJob round, CommitteeReminderJob reminders)
{
    /// <summary>The address given is no account with the CommitteeMember role (a web-level refusal: only the web knows accounts).</summary>
    public const string NotACommitteeMember = "not-a-member";

    private IGrainFactory Grains => judging.Grains;

    public static bool IsCategory(string categoryId) => CategoryIds.IsKnown(categoryId);

    public async Task<string?> AddMemberAsync(string campaignId, string categoryId, string? email, string actor)
    {
        if (!IsCategory(categoryId) || await judging.CampaignAsync(campaignId) is null)
            return JudgingRefusals.NotFound;
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || !await users.IsInRoleAsync(user, Roles.CommitteeMember))
            return NotACommitteeMember;
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email! : user.DisplayName;
        var outcome = await Grains.GetGrain<IPanelGrain>(JudgingKeys.For(campaignId, categoryId)).AddAsync(new PanelSeat(user.Id, name), actor);
        if (outcome.Succeeded)
            await Grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(campaignId, categoryId)).EnsureAssignedAsync(actor); // a late member takes empty places
        return outcome.Refusal;
    }

    public async Task<string?> RemoveMemberAsync(string campaignId, string categoryId, string memberId, string actor) =>
        IsCategory(categoryId)
            ? (await Grains.GetGrain<IPanelGrain>(JudgingKeys.For(campaignId, categoryId)).RemoveAsync(memberId, actor)).Refusal
            : JudgingRefusals.NotFound;

    public async Task<ChairOverview?> OverviewAsync(string campaignId)
    {
        if (await judging.CampaignAsync(campaignId) is not { } campaign)
            return null;
        var categories = new List<CategoryProgress>();
        foreach (var category in CategoryIds.All)
            categories.Add(await ProgressAsync(campaignId, category));
        return new ChairOverview(campaignId, campaign.Phase, campaign.Settings.JudgesPerEntry, campaign.Schedule.StartOf(CampaignPhase.PublicVoting), categories);
    }

    private async Task<CategoryProgress> ProgressAsync(string campaignId, string categoryId)
    {
        var key = JudgingKeys.For(campaignId, categoryId);
        var panel = await Grains.GetGrain<IPanelGrain>(key).GetMembersAsync();
        var assignment = await Grains.GetGrain<IJudgeAssignmentGrain>(key).GetAsync();
        var shortlist = await Grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, categoryId)).GetAsync();
        if (assignment is null)
            return new CategoryProgress(categoryId, panel, null, [], [], shortlist);

        var rubric = await Grains.GetGrain<ICampaignRubricGrain>(key).GetAsync();
        var judges = assignment.Entries.SelectMany(e => e.Judges).Concat(panel.Select(p => p.MemberId)).Distinct().ToList();
        var sheets = new Dictionary<string, IReadOnlyList<ScoreSheetView>>();
        foreach (var member in judges)
            sheets[member] = await Grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For(campaignId, member)).GetAsync();
        string NameOf(string member) => panel.FirstOrDefault(p => p.MemberId == member)?.DisplayName ?? member;
        ScoreSheetView? SheetOf(string member, string entry) => sheets[member].FirstOrDefault(s => s.EntryId == entry);

        var nominations = (await Grains.LoadNominationsAsync(assignment.Entries.Select(e => e.EntryId))).ToDictionary(n => n.Id);
        var entries = assignment.Entries.Where(e => nominations.TryGetValue(e.EntryId, out var n) && n.IsPublic).Select(e => new EntryProgress(
            BlindEntry.From(nominations[e.EntryId]),
            e.Judges.Select(j => SheetOf(j, e.EntryId) is { } sheet
                ? new JudgeScore(j, NameOf(j), sheet.Status, Weighted(rubric, sheet), sheet.Comment)
                : new JudgeScore(j, NameOf(j), SheetStatus.ToDo, null, null)).ToList(),
            assignment.Recusals.Where(r => r.EntryId == e.EntryId).ToList(),
            assignment.ShortOfJudges.Contains(e.EntryId))).ToList();
        var members = judges.Select(m =>
        {
            var mine = entries.Where(e => e.Judges.Any(j => j.MemberId == m)).Select(e => e.Judges.First(j => j.MemberId == m)).ToList();
            return new MemberProgress(m, NameOf(m), mine.Count, mine.Count(j => j.Status == SheetStatus.Submitted), mine.Count(j => j.Status == SheetStatus.Draft));
        }).ToList();
        return new CategoryProgress(categoryId, panel, assignment.AssignedAt, members, entries, shortlist);
    }

    private static decimal? Weighted(Rubric? rubric, ScoreSheetView sheet) =>
        sheet.Status == SheetStatus.Submitted && rubric is not null && ScoringRules.Check(rubric, sheet.Marks, null, complete: true).Count == 0
            ? rubric.WeightedScore(sheet.Marks)
            : null;

    public async Task<JudgingOutcome> ReassignAsync(string campaignId, string entryId, string fromMemberId, string? toMemberId, string actor) =>
        await CommitteeApi.CategoryOfAsync(judging, campaignId, entryId) is { } category
            ? await Grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(campaignId, category))
                .ReassignAsync(entryId, fromMemberId, string.IsNullOrEmpty(toMemberId) ? null : toMemberId, actor)
            : JudgingOutcome.Refused(JudgingRefusals.NotFound);

    /// <summary>Publishes the category's shortlist now, closing its scoring early. Only during committee scoring (later it is published already).</summary>
    public async Task<(ShortlistSnapshot? Shortlist, string? Refusal)> FinaliseAsync(string campaignId, string categoryId, string actor)
    {
        if (!IsCategory(categoryId) || await judging.CampaignAsync(campaignId) is not { } campaign)
            return (null, JudgingRefusals.NotFound);
        if (campaign.Phase < CampaignPhase.CommitteeScoring)
            return (null, JudgingRefusals.WrongPhase);
        return (await round.PublishShortlistAsync(campaignId, categoryId, actor), null);
    }

    public Task<ReminderResult> RemindAsync(string campaignId, string memberId) => reminders.RemindAsync(campaignId, memberId);

    public string Message(string refusal) =>
        refusal == NotACommitteeMember ? judging.Text["Judging.Panels.NoSuchMember"] : judging.Refusal(refusal);
}
