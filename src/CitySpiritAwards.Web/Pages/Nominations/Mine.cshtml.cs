using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Nominations;

/// <summary>
/// "My nominations" from the menu, without choosing a campaign: the resident's own nominations in every campaign,
/// the newest campaign first, a page at a time from the nominations table. Each campaign's own page has the details.
/// </summary>
[Authorize(Policy = Roles.Resident)]
public sealed class MineModel(IGrainFactory grains, NominationQueries nominations) : PageModel
{
    public NominatorPage? Result { get; private set; }
    public IReadOnlyDictionary<string, CampaignSummary> Campaigns { get; private set; } = new Dictionary<string, CampaignSummary>();

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        // The directory lists campaigns in the order they were created: a handful, one a year or so.
        var campaigns = await CampaignServices.LoadCampaignsAsync(grains);
        Campaigns = campaigns.ToDictionary(c => c.Id);
        Result = await nominations.NominatorAsync(User.UserId(), campaigns.Select(c => c.Id).Reverse().ToList(), page, null, ct);
    }
}
