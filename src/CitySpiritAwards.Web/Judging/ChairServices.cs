using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Storage.Judging;
using Microsoft.AspNetCore.Identity;

namespace CitySpiritAwards.Web.Judging;

/// <summary>One judge of an entry as the chair sees it: where their score stands, its weighted value once submitted, their comment.</summary>
public sealed record JudgeScore(string MemberId, string Name, SheetStatus Status, decimal? WeightedScore, string? Comment);

/// <summary>One entry's judging as the chair sees it (still blind: never the nominator).</summary>
/// <param name="ShortOfJudges">Whether it has fewer judges than it should, while its award's scoring is open (false once closed).</param>
/// <param name="Candidates">
/// The panel members the chair may move it to, exactly those a reassignment would accept (the assignment's own rule:
/// never a member judging it, one who declared a conflict with it or its nominator); empty when nobody is left and once
/// its award's scoring is closed.
/// </param>
public sealed record EntryProgress(
    string EntryId, string NomineeName, string DistrictId, IReadOnlyList<JudgeScore> Judges, IReadOnlyList<RecusalRecord> Recusals, bool ShortOfJudges,
    IReadOnlyList<PanelSeat> Candidates);

public sealed record MemberProgress(string MemberId, string Name, int Assigned, int Submitted, int Drafts);

/// <summary>
/// One award's round: its panel, when judges were assigned, progress per member (counted in the tables), a page of its
/// entries with their judges, the entries short of judges (the first ones, and how many) while its scoring is open, and
/// the shortlist once final.
/// </summary>
/// <param name="ScoringOpen">
/// Whether its scores may still change (committee scoring, before the deadline, the shortlist not final): only then are
/// entries reassigned and entries short of judges counted (none once closed: a missing judge no longer matters).
/// </param>
/// <param name="Names">Nominee names of the shortlisted entries and of the entries short of judges named.</param>
public sealed record CategoryProgress(
    string CategoryId,
    bool ScoringOpen,
    IReadOnlyList<PanelSeat> Panel,
    DateTimeOffset? AssignedAt,
    IReadOnlyList<MemberProgress> Members,
    IReadOnlyList<EntryProgress> Entries,
    Paging EntryPaging,
    int ShortOfJudgesCount,
    IReadOnlyList<string> ShortOfJudges,
    ShortlistSnapshot? Shortlist,
    IReadOnlyDictionary<string, string> Names);

public sealed record ChairOverview(
    string CampaignId, CampaignPhase Phase, int JudgesPerEntry, DateTimeOffset? ClosesAt, EntryOrder Order, IReadOnlyList<CategoryProgress> Categories);

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

    /// <summary>
    /// Every award's round, each with the first page of its entries, except <paramref name="categoryId"/>'s, which shows
    /// <paramref name="page"/>. Nothing here reads every entry: counts come from the tables, entries a page at a time.
    /// </summary>
    public async Task<ChairOverview?> OverviewAsync(string campaignId, string? categoryId = null, int? page = null, EntryOrder order = EntryOrder.Progress)
    {
        if (await judging.CampaignAsync(campaignId) is not { } campaign)
            return null;
        var categories = new List<CategoryProgress>();
        foreach (var category in CategoryIds.All)
            categories.Add(await ProgressAsync(campaign, category, category == categoryId ? page : null, order));
        return new ChairOverview(campaignId, campaign.Phase, campaign.Settings.JudgesPerEntry, campaign.Schedule.StartOf(CampaignPhase.PublicVoting), order, categories);
    }

    private async Task<CategoryProgress> ProgressAsync(CampaignSnapshot campaign, string categoryId, int? page, EntryOrder order)
    {
        var campaignId = campaign.Id;
        var key = JudgingKeys.For(campaignId, categoryId);
        var panel = await Grains.GetGrain<IPanelGrain>(key).GetMembersAsync();
        var assignment = Grains.GetGrain<IJudgeAssignmentGrain>(key);
        var summary = await assignment.GetSummaryAsync();
        var shortlist = await Grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, categoryId)).GetAsync();
        // The rule scoring and reassigning go by (the grains refuse both once it is closed).
        var open = new ScoringWindow(true, campaign.Phase, campaign.Schedule.StartOf(CampaignPhase.PublicVoting), judging.Clock.UtcNow, shortlist is not null).ClosedBecause is null;
        var shortOfJudges = open ? summary?.ShortOfJudges ?? [] : [];
        var shortOfJudgesCount = open ? summary?.ShortOfJudgesCount ?? 0 : 0;
        var named = (shortlist?.Entries.Select(e => e.NominationId) ?? []).Concat(shortOfJudges).ToList();
        var names = (await judging.Nominations.FindAsync(named)).ToDictionary(n => n.Id, n => n.NomineeName);
        if (summary is null)
            return new CategoryProgress(categoryId, open, panel, null, [], [], Paging.For(1, null, 0, PageSizes.Judging), 0, [], shortlist, names);

        string NameOf(string member) => panel.FirstOrDefault(p => p.MemberId == member)?.DisplayName ?? member;
        var progress = (await judging.Queries.MemberProgressAsync(campaignId, categoryId)).ToDictionary(m => m.MemberId);
        var members = progress.Keys.Concat(panel.Select(p => p.MemberId)).Distinct().Select(m => progress.TryGetValue(m, out var row)
            ? new MemberProgress(m, NameOf(m), row.Assigned, row.Submitted, row.Drafts)
            : new MemberProgress(m, NameOf(m), 0, 0, 0)).ToList();
        var entries = await judging.Queries.EntryProgressAsync(campaignId, categoryId, order, page, null);
        // Who each entry may go to is asked of the assignment itself, so the list offers nobody its rule would refuse.
        var candidates = open ? await assignment.ReassignCandidatesAsync(entries.Items.Select(e => e.EntryId).ToList()) : null;
        IReadOnlyList<PanelSeat> CandidatesOf(string entryId) =>
            candidates?.GetValueOrDefault(entryId) is { } ids ? ids.Select(m => new PanelSeat(m, NameOf(m))).ToList() : [];
        return new CategoryProgress(categoryId, open, panel, summary.AssignedAt, members,
            entries.Items.Select(e => new EntryProgress(e.EntryId, e.NomineeName, e.DistrictId,
                e.Judges.Select(j => new JudgeScore(j.MemberId, NameOf(j.MemberId), j.Status, j.Status == SheetStatus.Submitted ? j.WeightedScore : null, j.Comment)).ToList(),
                summary.Recusals.Where(r => r.EntryId == e.EntryId).ToList(),
                open && e.Judges.Count < summary.JudgesPerEntry,
                CandidatesOf(e.EntryId))).ToList(),
            entries.Paging, shortOfJudgesCount, shortOfJudges, shortlist, names);
    }

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
