using System.Globalization;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Web.Judging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Committee;

/// <summary>
/// The chairs' view of a round: per award, progress per member (with a reminder button) and a page of 50 entries (the
/// least scored first, or by name) with every judge's submitted score and comment, recusals with their reasons,
/// reassigning an entry, and finalising the shortlist, which takes a tick that says it cannot be undone. Counts and pages
/// come from the judging tables. Every action comes back to the page (post/redirect/get); only a missing tick re-renders it.
/// </summary>
[Authorize(Policy = JudgingPolicies.Chair)]
public sealed class ChairModel(JudgingServices services, ChairServices chair) : PageModel
{
    public Abstractions.Campaigns.CampaignSnapshot? Campaign { get; private set; }
    public ChairOverview? Overview { get; private set; }
    /// <summary>What the last action did, shown once after its redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool IsError { get; set; }

    private string Actor => $"chair:{User.Identity?.Name}";

    public async Task<IActionResult> OnGetAsync(string campaignId, string? category, [FromQuery] int? page, string? order) =>
        await LoadAsync(campaignId, category, page, order) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReassignAsync(string campaignId, string? entryId, string? fromMemberId, string? toMemberId)
    {
        if (string.IsNullOrEmpty(entryId) || string.IsNullOrEmpty(fromMemberId))
            return BadRequest();
        Show((await chair.ReassignAsync(campaignId, entryId, fromMemberId, toMemberId, Actor)).Refusal, "Judging.Chair.Reassigned");
        return BackTo(campaignId);
    }

    public async Task<IActionResult> OnPostFinaliseAsync(string campaignId, string? categoryId, bool confirm)
    {
        if (string.IsNullOrEmpty(categoryId))
            return BadRequest();
        if (!confirm)
        {
            // Nothing is finalised: the page comes back with the award's box marked.
            ModelState.AddModelError(FinaliseTickId(categoryId), services.Text["Judging.Chair.FinaliseConfirmFirst", services.CategoryName(categoryId, CultureInfo.CurrentUICulture.Name)]);
            return await LoadAsync(campaignId) ? Page() : NotFound();
        }
        Show((await chair.FinaliseAsync(campaignId, categoryId, Actor)).Refusal, "Judging.Chair.Finalised");
        return BackTo(campaignId);
    }

    public async Task<IActionResult> OnPostRemindAsync(string campaignId, string? memberId)
    {
        if (string.IsNullOrEmpty(memberId))
            return BadRequest();
        var result = await chair.RemindAsync(campaignId, memberId);
        IsError = result != ReminderResult.Sent;
        Message = services.Text[result switch
        {
            ReminderResult.Sent => "Judging.Chair.Reminded",
            ReminderResult.AlreadyToday => "Judging.Chair.AlreadyReminded",
            _ => "Judging.Chair.NothingToRemind",
        }];
        return BackTo(campaignId);
    }

    /// <summary>The id of an award's "finalise" tick box, under which a missing tick is reported.</summary>
    public static string FinaliseTickId(string categoryId) => $"finalise-{categoryId}";

    private void Show(string? refusal, string doneKey)
    {
        IsError = refusal is not null;
        Message = refusal is null ? services.Text[doneKey] : chair.Message(refusal);
    }

    private RedirectResult BackTo(string campaignId) => Redirect($"/committee/{Uri.EscapeDataString(campaignId)}/chair");

    private async Task<bool> LoadAsync(string campaignId, string? category = null, int? page = null, string? order = null)
    {
        Campaign = await services.CampaignAsync(campaignId);
        Overview = Campaign is null ? null : await chair.OverviewAsync(campaignId, category, page, order == "name" ? EntryOrder.Name : EntryOrder.Progress);
        return Overview is not null;
    }
}
