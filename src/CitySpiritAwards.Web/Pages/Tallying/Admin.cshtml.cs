using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tallying;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Tallying;

/// <summary>
/// The administrators' results page: whether results are computed and published, by whom and when, a button to compute
/// them again while the campaign is in Tallying, one to publish them, the preview and the CSV exports.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class AdminModel(ResultsServices services) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public CampaignResults? Results { get; private set; }
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string campaignId) => await LoadAsync(campaignId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecomputeAsync(string campaignId)
    {
        Show(await services.RecomputeAsync(campaignId, User), "Results.Admin.Recomputed");
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(string campaignId)
    {
        Show(await services.PublishAsync(campaignId, User), "Results.Admin.Published");
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    private void Show(ResultsOutcome outcome, string doneKey)
    {
        IsError = outcome.Refusal is not null;
        Message = services.Text[outcome.Refusal is { } refusal ? $"Results.Refusal.{refusal}" : doneKey];
    }

    private async Task<bool> LoadAsync(string campaignId)
    {
        Campaign = await services.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        Results = Campaign is null ? null : await services.ResultsOf(campaignId).GetAsync();
        return Campaign is not null;
    }
}
