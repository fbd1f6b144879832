using CitySpiritAwards.Web.Apis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages;

/// <summary>
/// The menu's short addresses (/gallery, /results, /moderation, /committee, /chair): the same page of the newest campaign.
/// Who may see the page is decided there.
/// </summary>
public sealed class LatestModel(IGrainFactory grains) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string area)
    {
        if ((await CampaignsApi.LoadCampaignsAsync(grains)).LastOrDefault() is not { } campaign)
            return NotFound();
        var id = Uri.EscapeDataString(campaign.Id);
        return Redirect(area switch
        {
            "gallery" => $"/campaigns/{id}/gallery",
            "results" => $"/campaigns/{id}/results",
            "moderation" => $"/moderation/{id}",
            "chair" => $"/committee/{id}/chair",
            _ => $"/committee/{id}",
        });
    }
}
