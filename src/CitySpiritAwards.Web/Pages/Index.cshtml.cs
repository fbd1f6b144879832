using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Web.Apis;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages;

public sealed class IndexModel(IGrainFactory grains, SeedData seeds) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public CampaignSummary? Campaign { get; private set; }
    public IReadOnlyList<PublicNomination> Nominations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Categories = await CategoriesApi.LoadCategoriesAsync(grains);
        Campaign = (await CampaignsApi.LoadCampaignsAsync(grains)).LastOrDefault();
        if (Campaign is not null && await grains.GetGrain<ICampaignGrain>(Campaign.Id).GetAsync() is { } snapshot)
            Nominations = await CampaignsApi.LoadPublicNominationsAsync(grains, snapshot);
    }

    public string CategoryName(string id, string culture) =>
        Categories.FirstOrDefault(c => c.Id == id)?.Name.For(culture) ?? id;

    public string DistrictName(string id, string culture) =>
        seeds.Districts.FirstOrDefault(d => d.Id == id)?.Name.For(culture) ?? id;
}
