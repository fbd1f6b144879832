using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Districts;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Web.Gallery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Gallery;

/// <summary>
/// The public gallery of a campaign: filters by award and district and a search by name that work without JavaScript,
/// a page at a time, answered from the nominations table.
/// </summary>
public sealed class IndexModel(IGrainFactory grains, NominationQueries nominations, SeedData seeds, VotingCatalog voting) : PageModel
{
    /// <summary>The campaign's voting while it is open, so the cards of shortlisted entries offer a vote.</summary>
    public CampaignVoting? Voting { get; private set; }

    public CampaignSnapshot? Campaign { get; private set; }
    public GalleryResult? Result { get; private set; }
    public string? Category { get; private set; }
    public string? District { get; private set; }
    public string? Search { get; private set; }
    public IReadOnlyList<Category> Categories => seeds.Categories;
    public IReadOnlyList<District> Districts => seeds.Districts;

    public async Task<IActionResult> OnGetAsync(string campaignId, string? category, string? district, string? q, [FromQuery] int? page)
    {
        Campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (Campaign is null)
            return NotFound();
        Category = CategoryIds.IsKnown(category ?? "") ? category : null;
        District = seeds.Districts.Any(d => d.Id == district) ? district : null;
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Result = await GalleryApi.QueryAsync(nominations, campaignId, new GalleryFilter(Category, District, Search), page, null);
        if (Campaign.Phase == CampaignPhase.PublicVoting)
            Voting = await voting.GetAsync(campaignId);
        return Page();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["category"] = Category,
        ["district"] = District,
        ["q"] = Search,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
