using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Web.Fraud;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using CitySpiritAwards.Domain.Voting;

namespace CitySpiritAwards.Web.Pages.Admin;

/// <summary>
/// The administrators' review of a campaign's held votes, counted per signal and network: count a group again (clear)
/// or confirm it as fraud, after a tick that says it cannot be undone — a group of at least
/// <see cref="FraudReview.MinimumGroup"/> votes only, never one person's vote. Never shows an account or whom a vote
/// was for (see <see cref="HeldVotesView"/>). Every decision comes back to the page (post/redirect/get).
/// </summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class HeldVotesModel(FraudReview review, IGrainFactory grains, IStringLocalizer<SharedResource> text) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public HeldVotesView? View { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool IsError { get; set; }

    public bool CanDecide => View is not null && VotingRules.FraudReviewOpen(View.Phase);

    public async Task<IActionResult> OnGetAsync(string campaignId, CancellationToken ct) => await LoadAsync(campaignId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string campaignId, FraudReason? signal, string? network, HoldDecision? decision, bool confirm, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId, ct))
            return NotFound();
        if (!CanDecide)
            (Message, IsError) = (text["Fraud.Refusal.ReviewClosed"], true);
        else if (signal is null || decision is null)
            (Message, IsError) = (text["Fraud.Page.NothingSelected"], true);
        else if (!confirm)
            (Message, IsError) = (text["Fraud.Page.ConfirmFirst"], true);
        else
        {
            var result = await review.DecideAsync(campaignId, signal.Value, network, decision.Value, User, ct);
            (Message, IsError) = result switch
            {
                { TooSmall: true, Waiting: > 0 } => (text["Fraud.Refusal.GroupTooSmall", review.MinimumGroup].Value, true),
                { Decided: 0 } => (text["Fraud.Page.NothingWaiting"].Value, false),
                _ => (text[decision == HoldDecision.Cleared ? "Fraud.Page.Cleared" : "Fraud.Page.Confirmed", result.Decided].Value, false),
            };
        }
        return Redirect($"/admin/campaigns/{Uri.EscapeDataString(campaignId)}/held-votes");
    }

    private async Task<bool> LoadAsync(string campaignId, CancellationToken ct)
    {
        Campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        View = Campaign is null ? null : await review.LoadAsync(campaignId, ct);
        return View is not null;
    }
}
