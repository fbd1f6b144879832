using System.Globalization;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Voting;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Shared;
using CitySpiritAwards.Web.Voting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CitySpiritAwards.Web.Pages.Voting;

/// <summary>
/// The voting page: each award's shortlist with a button per entry (plain forms, so it works without JavaScript),
/// the resident's own votes with their receipts, and live tallies when the campaign shows them. Every vote, move and
/// withdrawal comes back to the page (post/redirect/get), so Back or refresh never sends it again.
/// </summary>
[EnableRateLimiting(VoteRateLimiterPolicy.Name)]
public sealed class VoteModel(VotingServices services, SeedData seeds) : PageModel
{
    public const int ExcerptLength = 120;

    public CampaignVoting? Voting { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyDictionary<string, NominationView> Nominations { get; private set; } = new Dictionary<string, NominationView>();
    public IReadOnlyList<VoteReceipt> MyVotes { get; private set; } = [];
    public TalliesView? Tallies { get; private set; }

    /// <summary>What the last action did, in the reader's language, shown once after its redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    /// <summary>The receipt of the vote just cast or moved, shown prominently.</summary>
    [TempData]
    public string? NewReceipt { get; set; }

    public bool IsResident => User.IsInRole(Roles.Resident);
    public bool IsOpen => Voting?.Context.IsOpenAt(DateTimeOffset.UtcNow) == true;
    public CampaignSettings Settings => Voting!.Campaign.Settings;

    public async Task<IActionResult> OnGetAsync(string campaignId) =>
        await LoadAsync(campaignId) ? Page() : NotFound();

    public Task<IActionResult> OnPostVoteAsync(string campaignId, string entryId) =>
        ActAsync(campaignId, voter => voter.CastAsync(entryId ?? "", Network()));

    public Task<IActionResult> OnPostChangeAsync(string campaignId, string receipt, string entryId) =>
        ActAsync(campaignId, voter => voter.ChangeAsync(receipt ?? "", entryId ?? "", Network()));

    public Task<IActionResult> OnPostWithdrawAsync(string campaignId, string receipt) =>
        ActAsync(campaignId, voter => voter.WithdrawAsync(receipt ?? ""));

    private async Task<IActionResult> ActAsync(string campaignId, Func<IVoterGrain, Task<VoteOutcome>> act)
    {
        if (!IsResident)
            return Challenge();
        try
        {
            var outcome = await act(services.Voter(campaignId, User));
            if (outcome.Refusal is { } refusal)
                (Message, MessageIsError) = (services.Text[$"Vote.Refusal.{refusal}"], true);
            else if (outcome.Vote is { } vote)
                (Message, NewReceipt) = (services.Text[outcome.Withdrawn is null ? "VotePage.Counted" : "VotePage.Moved"], vote.Receipt);
            else
                Message = services.Text["VotePage.Withdrawn"];
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            services.Logger.LogError(exception, "A vote from the voting page could not be stored");
            (Message, MessageIsError) = (services.Text["Vote.Unavailable"], true);
        }
        return Redirect($"/campaigns/{Uri.EscapeDataString(campaignId)}/vote");
    }

    private async Task<bool> LoadAsync(string campaignId)
    {
        Voting = await services.Catalog.GetAsync(campaignId);
        if (Voting is null)
            return false;
        Categories = await services.Grains.LoadCategoriesAsync();
        var ids = Voting.Shortlists.SelectMany(s => s.Entries.Select(e => e.NominationId));
        Nominations = (await services.Grains.LoadNominationsAsync(ids)).Where(n => n.IsPublic).ToDictionary(n => n.Id);
        if (IsResident)
            MyVotes = await services.Voter(campaignId, User).ListAsync();
        Tallies = await services.VisibleTalliesAsync(Voting);
        return true;
    }

    private string Network() => ClientNetwork.Of(HttpContext.Connection.RemoteIpAddress);

    public string CategoryName(string id, string culture) => Categories.FirstOrDefault(c => c.Id == id)?.Name.For(culture) ?? id;

    public string DistrictName(string id, string culture) => seeds.Districts.FirstOrDefault(d => d.Id == id)?.Name.For(culture) ?? id;

    public VoteReceipt? MyVoteFor(string entryId) => MyVotes.FirstOrDefault(v => v.EntryId == entryId);

    /// <summary>The votes that use up the resident's votes in an award: a vote for a taken-down entry no longer does.</summary>
    public int MyVotesIn(string categoryId) => MyVotes.Count(v => v.CategoryId == categoryId && !Voting!.Context.IsTakenDown(v.EntryId));

    /// <summary>The resident's votes for entries taken down during voting: kept, but counting for nothing.</summary>
    public bool HasTakenDownVotes => MyVotes.Any(v => Voting!.Context.IsTakenDown(v.EntryId));

    public long? VotesFor(string entryId) =>
        Tallies?.Categories.SelectMany(c => c.Entries).FirstOrDefault(e => e.EntryId == entryId)?.Votes;

    /// <summary>The first <see cref="ExcerptLength"/> characters (as a reader counts them) of the story in the reader's language.</summary>
    public static StoryText Excerpt(NominationView nomination, string culture)
    {
        var story = StoryText.For(nomination.Draft.StoryZh, nomination.Draft.StoryEn, culture);
        var info = new StringInfo(story.Text);
        return info.LengthInTextElements <= ExcerptLength ? story : story with { Text = info.SubstringByTextElements(0, ExcerptLength).TrimEnd() + "…" };
    }
}
