using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Web.Fraud;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Admin;

/// <summary>
/// The administrators' review of a campaign's held votes, grouped by signal: select votes, then count them (clear) or
/// confirm them as fraud. Never shows whom a vote was for (see <see cref="HeldVotesView"/>).
/// </summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class HeldVotesModel(FraudReview review, IGrainFactory grains, IStringLocalizer<SharedResource> text) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public HeldVotesView? View { get; private set; }
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public bool CanDecide => View is not null && FraudReviewServices.IsOpen(View.Phase);

    public async Task<IActionResult> OnGetAsync(string campaignId, CancellationToken ct) => await LoadAsync(campaignId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string campaignId, string[]? holdIds, HoldDecision? decision, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct))
            return NotFound();
        var ids = (holdIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (!CanDecide)
            (Message, IsError) = (text["Fraud.Refusal.ReviewClosed"], true);
        else if (decision is null || ids.Count == 0)
            (Message, IsError) = (text["Fraud.Page.NothingSelected"], true);
        else if (ids.Count > FraudReview.MaxBatch)
            (Message, IsError) = (text["Fraud.Invalid.HoldIds", FraudReview.MaxBatch], true);
        else
        {
            var results = await review.DecideAsync(campaignId, ids, decision.Value, User, ct);
            var decided = results.Count(r => r.Changed);
            var conflicts = results.Count(r => r.Exists && !r.Changed && r.Current != decision);
            Message = text[decision == HoldDecision.Cleared ? "Fraud.Page.Cleared" : "Fraud.Page.Confirmed", decided]
                + (conflicts > 0 ? " " + text["Fraud.Page.Conflicts", conflicts] : "");
            IsError = conflicts > 0;
            await LoadAsync(campaignId, ct);
        }
        return Page();
    }

    /// <summary>How old an account was when it voted, in the reader's language.</summary>
    public string Age(TimeSpan? age) => age switch
    {
        null => text["Fraud.Age.Unknown"],
        { TotalHours: < 1 } a => text["Fraud.Age.Minutes", Math.Max(0, (int)a.TotalMinutes)],
        { TotalHours: < 48 } a => text["Fraud.Age.Hours", (int)a.TotalHours],
        var a => text["Fraud.Age.Days", (int)a.Value.TotalDays],
    };

    private async Task<bool> LoadAsync(string campaignId, CancellationToken ct)
    {
        Campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        View = Campaign is null ? null : await review.LoadAsync(campaignId, ct);
        return View is not null;
    }
}
