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
/// them again while the campaign is in Tallying, one to publish them (after a tick that says it cannot be undone), the
/// preview and the CSV exports. Both buttons come back to the page (post/redirect/get); only a missing tick re-renders it.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class AdminModel(ResultsServices services) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public CampaignResults? Results { get; private set; }
    /// <summary>What the last action did, shown once after its redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool IsError { get; set; }

    /// <summary>The id of the "publish" tick box, under which a missing tick is reported.</summary>
    public const string PublishTickId = "publish-confirm";

    public async Task<IActionResult> OnGetAsync(string campaignId) => await LoadAsync(campaignId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecomputeAsync(string campaignId)
    {
        Show(await services.RecomputeAsync(campaignId, User), "Results.Admin.Recomputed");
        return BackTo(campaignId);
    }

    public async Task<IActionResult> OnPostPublishAsync(string campaignId, bool confirm)
    {
        if (!confirm)
        {
            // Nothing is published: the page comes back with the box marked.
            ModelState.AddModelError(PublishTickId, services.Text["Results.Admin.PublishConfirmFirst"]);
            return await LoadAsync(campaignId) ? Page() : NotFound();
        }
        Show(await services.PublishAsync(campaignId, User), "Results.Admin.Published");
        return BackTo(campaignId);
    }

    private void Show(ResultsOutcome outcome, string doneKey)
    {
        IsError = outcome.Refusal is not null;
        Message = services.Text[outcome.Refusal is { } refusal ? $"Results.Refusal.{refusal}" : doneKey];
    }

    private RedirectResult BackTo(string campaignId) => Redirect($"/admin/campaigns/{Uri.EscapeDataString(campaignId)}/results");

    private async Task<bool> LoadAsync(string campaignId)
    {
        Campaign = await services.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        Results = Campaign is null ? null : await services.ResultsOf(campaignId).GetAsync();
        return Campaign is not null;
    }
}
