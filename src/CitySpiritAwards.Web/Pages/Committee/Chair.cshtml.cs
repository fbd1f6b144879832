using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Web.Judging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Committee;

/// <summary>
/// The chairs' view of a round: per award, progress per member (with a reminder button) and a page of 50 entries (the
/// least scored first, or by name) with every judge's submitted score and comment, recusals with their reasons,
/// reassigning an entry, and finalising the shortlist. Counts and pages come from the judging tables.
/// </summary>
[Authorize(Policy = JudgingPolicies.Chair)]
public sealed class ChairModel(JudgingServices services, ChairServices chair) : PageModel
{
    public Abstractions.Campaigns.CampaignSnapshot? Campaign { get; private set; }
    public ChairOverview? Overview { get; private set; }
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    private string Actor => $"chair:{User.Identity?.Name}";

    public async Task<IActionResult> OnGetAsync(string campaignId, string? category, [FromQuery] int? page, string? order) =>
        await LoadAsync(campaignId, category, page, order) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReassignAsync(string campaignId, string? entryId, string? fromMemberId, string? toMemberId)
    {
        if (string.IsNullOrEmpty(entryId) || string.IsNullOrEmpty(fromMemberId))
            return BadRequest();
        Show((await chair.ReassignAsync(campaignId, entryId, fromMemberId, toMemberId, Actor)).Refusal, "Judging.Chair.Reassigned");
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostFinaliseAsync(string campaignId, string categoryId)
    {
        Show((await chair.FinaliseAsync(campaignId, categoryId, Actor)).Refusal, "Judging.Chair.Finalised");
        return await LoadAsync(campaignId) ? Page() : NotFound();
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
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    private void Show(string? refusal, string doneKey)
    {
        IsError = refusal is not null;
        Message = refusal is null ? services.Text[doneKey] : chair.Message(refusal);
    }

    private async Task<bool> LoadAsync(string campaignId, string? category = null, int? page = null, string? order = null)
    {
        Campaign = await services.CampaignAsync(campaignId);
        Overview = Campaign is null ? null : await chair.OverviewAsync(campaignId, category, page, order == "name" ? EntryOrder.Name : EntryOrder.Progress);
        return Overview is not null;
    }
}
