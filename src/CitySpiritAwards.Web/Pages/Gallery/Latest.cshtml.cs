using CitySpiritAwards.Web.Apis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Gallery;

/// <summary>"/gallery" from the site's menu: the gallery of the newest campaign.</summary>
public sealed class LatestModel(IGrainFactory grains) : PageModel
{
    public async Task<IActionResult> OnGetAsync() =>
        (await CampaignsApi.LoadCampaignsAsync(grains)).LastOrDefault() is { } campaign
            ? Redirect($"/campaigns/{Uri.EscapeDataString(campaign.Id)}/gallery")
            : NotFound();
}
