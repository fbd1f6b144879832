using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Apis;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Web.Gallery;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages;

public sealed class IndexModel(IGrainFactory grains, NominationQueries nominations) : PageModel
{
    /// <summary>How many of the newest public nominations the home page shows; the gallery has the rest.</summary>
    public const int NewestCount = 6;

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public CampaignSummary? Campaign { get; private set; }
    public GalleryResult? Newest { get; private set; }

    public async Task OnGetAsync()
    {
        Categories = await CategoriesApi.LoadCategoriesAsync(grains);
        Campaign = (await CampaignsApi.LoadCampaignsAsync(grains)).LastOrDefault();
        if (Campaign is not null)
            Newest = await GalleryApi.QueryAsync(nominations, Campaign.Id, new GalleryFilter(), 1, NewestCount);
    }
}
