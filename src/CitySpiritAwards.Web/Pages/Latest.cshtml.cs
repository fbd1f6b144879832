using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages;

/// <summary>
/// The menu's short addresses (/gallery, /results, /moderation, /committee, /chair): the same page of the campaign that
/// area serves now (<see cref="CampaignLineup.ForArea"/>: moderation goes to the one in Screening, results to the latest
/// published…), never simply the newest created. Who may see the page is decided there.
/// </summary>
public sealed class LatestModel(IGrainFactory grains) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string area)
    {
        var campaigns = await CampaignServices.LoadCampaignsAsync(grains);
        if (CampaignLineup.ForArea(area, campaigns.Select(c => c.OnShow)) is not { } campaignId)
            return NotFound();
        var id = Uri.EscapeDataString(campaignId);
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
