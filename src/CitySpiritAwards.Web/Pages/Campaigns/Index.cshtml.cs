using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Campaigns;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Campaigns;

/// <summary>Every campaign side by side: open now, coming, and past with their results (<see cref="CampaignLineup"/>).</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public ILookup<CampaignStanding, CampaignSummary> ByStanding { get; private set; } = Array.Empty<CampaignSummary>().ToLookup(_ => CampaignStanding.Open);

    public async Task OnGetAsync() =>
        ByStanding = CampaignSummary.InLineup(await CampaignServices.LoadCampaignsAsync(grains)).ToLookup(c => CampaignLineup.StandingOf(c.Phase));
}
