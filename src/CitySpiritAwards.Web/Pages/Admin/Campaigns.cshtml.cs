using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Admin;

/// <summary>The administrators' list of campaigns: each one's phase and its next scheduled change, newest first.</summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class CampaignsModel(IGrainFactory grains, AwardsClock clock) : PageModel
{
    public IReadOnlyList<CampaignSummary> Campaigns { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Campaigns = (await CampaignServices.LoadCampaignsAsync(grains)).Reverse().ToList();
        Now = clock.UtcNow;
    }
}
