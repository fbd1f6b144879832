using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Districts;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Web.Gallery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Gallery;

/// <summary>The public gallery of a campaign: filters by award and district that work without JavaScript, a page at a time.</summary>
public sealed class IndexModel(IGrainFactory grains, SeedData seeds) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public GalleryResult? Result { get; private set; }
    public string? Category { get; private set; }
    public string? District { get; private set; }
    public IReadOnlyList<Category> Categories => seeds.Categories;
    public IReadOnlyList<District> Districts => seeds.Districts;

    public async Task<IActionResult> OnGetAsync(string campaignId, string? category, string? district, int? page)
    {
        Campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (Campaign is null)
            return NotFound();
        Category = CategoryIds.IsKnown(category ?? "") ? category : null;
        District = seeds.Districts.Any(d => d.Id == district) ? district : null;
        Result = await GalleryApi.QueryAsync(grains, campaignId, new GalleryQuery(Category, District, page, null));
        return Page();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["category"] = Category,
        ["district"] = District,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
