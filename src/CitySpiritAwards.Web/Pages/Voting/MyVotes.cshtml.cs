using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Voting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Voting;

/// <summary>
/// "My votes" from the menu: the signed-in voter's own votes in every campaign, newest first, with their receipts and
/// whether each counts. Read from the votes table by the voter's own id only, so it can never show anyone else's.
/// </summary>
[Authorize(Policy = Roles.Resident)]
public sealed class MyVotesModel(VotingServices services, NominationQueries nominations) : PageModel
{
    /// <summary>At most this many of the newest votes (four awards a campaign, a few votes each: years of voting).</summary>
    public const int Limit = 200;

    public IReadOnlyList<StoredVote> Votes { get; private set; } = [];

    /// <summary>True when the voter has more votes than <see cref="Limit"/>: the oldest are not shown.</summary>
    public bool More { get; private set; }

    public IReadOnlyDictionary<string, NominationListing> Entries { get; private set; } = new Dictionary<string, NominationListing>();
    public IReadOnlyDictionary<string, CampaignSnapshot> Campaigns { get; private set; } = new Dictionary<string, CampaignSnapshot>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var votes = await services.Ledger.LoadVoterVotesAsync(User.UserId(), Limit + 1, ct);
        More = votes.Count > Limit;
        Votes = votes.Take(Limit).ToList();
        // The entries' names from the read table (a page's worth of ids), never their grains.
        Entries = (await nominations.FindAsync(Votes.Select(v => v.EntryId), ct)).ToDictionary(n => n.Id);
        var campaigns = await Task.WhenAll(Votes.Select(v => v.CampaignId).Distinct()
            .Select(id => services.Grains.GetGrain<ICampaignGrain>(id).GetAsync()));
        Campaigns = campaigns.OfType<CampaignSnapshot>().ToDictionary(c => c.Id);
    }

    /// <summary>Whom the vote was for, while the entry may be shown; null once it was taken down (as on the receipt page).</summary>
    public string? EntryName(StoredVote vote) => Entries.TryGetValue(vote.EntryId, out var entry) && entry.IsPublic ? entry.NomineeName : null;
}
