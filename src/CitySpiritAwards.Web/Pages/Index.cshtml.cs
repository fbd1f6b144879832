using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Gallery;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages;

public sealed class IndexModel(IGrainFactory grains, NominationQueries nominations, VotingCatalog voting) : PageModel
{
    /// <summary>How many of the newest public nominations the home page shows; the gallery has the rest.</summary>
    public const int NewestCount = 6;

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    /// <summary>The campaigns open now, the one whose phase started last first; each gets the action its phase offers.</summary>
    public IReadOnlyList<CampaignSummary> Open { get; private set; } = [];

    /// <summary>The latest campaign whose results are out.</summary>
    public CampaignSummary? LatestResults { get; private set; }

    /// <summary>The campaign whose newest nominations are shown: the first open one, else the latest with results.</summary>
    public CampaignSummary? Featured => Open.FirstOrDefault() ?? LatestResults;

    public GalleryResult? Newest { get; private set; }

    /// <summary>The featured campaign's voting while it is open, so the newest cards of shortlisted entries offer a vote.</summary>
    public CampaignVoting? Voting { get; private set; }

    public async Task OnGetAsync()
    {
        Categories = await grains.LoadCategoriesAsync();
        var lineup = CampaignSummary.InLineup(await CampaignServices.LoadCampaignsAsync(grains));
        Open = lineup.Where(c => CampaignLineup.StandingOf(c.Phase) == CampaignStanding.Open).ToList();
        LatestResults = lineup.FirstOrDefault(c => CampaignLineup.StandingOf(c.Phase) == CampaignStanding.Past);
        if (Featured is { } featured)
        {
            Newest = await GalleryApi.QueryAsync(nominations, featured.Id, new GalleryFilter(), 1, NewestCount);
            if (featured.Phase == CampaignPhase.PublicVoting)
                Voting = await voting.GetAsync(featured.Id);
        }
    }
}
