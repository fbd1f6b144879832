using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Nominations;

/// <summary>
/// The resident's own nominations in a campaign: status, the moderator's note, photos, history; edit or withdraw while
/// allowed. Withdrawing is final, so it takes a tick that says so; without it the page comes back with the box marked.
/// </summary>
[Authorize(Policy = Roles.Resident)]
[EnableRateLimiting(NominationRateLimiterPolicy.Name)]
public sealed class MyNominationsModel(NominationServices services) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public IReadOnlyList<NominationView> Nominations { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>What the last withdrawal did, carried over its redirect (post/redirect/get) and shown once.</summary>
    [TempData]
    public string? WithdrawMessage { get; set; }

    /// <summary>For each nomination whose consent email a daily limit held back: what to tell the nominator.</summary>
    public IReadOnlyDictionary<string, string> HeldEmails { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string campaignId, string? submitted, string? edited, string? emailed, string? unsent)
    {
        if (!await LoadAsync(campaignId))
            return NotFound();
        var changed = submitted ?? edited;
        if (WithdrawMessage is not null)
            Message = WithdrawMessage;
        else if (changed is not null && HeldEmails.ContainsKey(changed))
            Message = services.Text["MyNominations.SavedEmailHeld"];
        else if (submitted is not null && Nominations.Any(n => n.Id == submitted))
            Message = services.Text["MyNominations.Submitted"];
        else if (edited is not null && Nominations.Any(n => n.Id == edited))
            Message = services.Text["MyNominations.Edited"];
        else if (emailed is not null && Nominations.Any(n => n.Id == emailed))
            Message = services.Text["ConsentEmail.Sent"];
        else if (unsent is not null && Nominations.Any(n => n.Id == unsent))
            Message = HeldEmails.TryGetValue(unsent, out var held) ? held : services.Text[$"Nomination.Refusal.{NominationServices.ConsentEmailNotOwed}"];
        return Page();
    }

    /// <summary>"Email the nominee now" for a consent email held back by a daily limit; post/redirect/get.</summary>
    public async Task<IActionResult> OnPostSendConsentAsync(string campaignId, string? nominationId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(nominationId))
            return BadRequest();
        var (outcome, email) = await services.SendHeldConsentEmailAsync(nominationId, User.UserId(), HttpContext, ct);
        if (outcome.Refusal is RefusalCodes.NotFound or RefusalCodes.NotYours)
            return NotFound();
        var result = email is { Sent: true } ? "emailed" : "unsent";
        return Redirect($"/campaigns/{Uri.EscapeDataString(campaignId)}/my-nominations?{result}={Uri.EscapeDataString(nominationId)}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string campaignId, string? nominationId, bool confirm)
    {
        if (string.IsNullOrEmpty(nominationId))
            return BadRequest();
        if (!confirm)
        {
            if (!await LoadAsync(campaignId))
                return NotFound();
            // Nothing is withdrawn: the page comes back with the nomination's box marked.
            var name = Nominations.FirstOrDefault(n => n.Id == nominationId)?.Draft.NomineeName ?? "";
            ModelState.AddModelError(WithdrawTickId(nominationId), services.Text["MyNominations.WithdrawConfirmFirst", name]);
            return Page();
        }
        var outcome = await services.Grains.GetGrain<INominationGrain>(nominationId).WithdrawAsync(User.UserId());
        WithdrawMessage = outcome.Refusal is { } refusal ? services.Text[$"Nomination.Refusal.{refusal}"] : services.Text["MyNominations.Withdrawn"];
        return Redirect($"/campaigns/{Uri.EscapeDataString(campaignId)}/my-nominations");
    }

    /// <summary>The id of a nomination's "withdraw" tick box, under which a missing tick is reported.</summary>
    public static string WithdrawTickId(string nominationId) => $"withdraw-{nominationId}";

    public bool CanEdit(NominationView nomination) => NominationLifecycle.Edit(nomination.Status, Campaign!.Phase).IsAllowed;

    public bool CanWithdraw(NominationView nomination) => NominationLifecycle.Withdraw(nomination.Status, Campaign!.Phase).IsAllowed;

    private async Task<bool> LoadAsync(string campaignId)
    {
        Campaign = await services.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (Campaign is null)
            return false;
        Nominations = (await services.Grains.LoadResidentNominationsAsync(campaignId, User.UserId()))
            .OrderByDescending(n => n.SubmittedAt).ToList();
        var held = new Dictionary<string, string>();
        foreach (var nomination in Nominations.Where(n => n.ConsentEmailOwed))
            held[nomination.Id] = services.HeldNotice(nomination, await services.ConsentEmails.AllowedFromAsync(nomination));
        HeldEmails = held;
        return true;
    }
}
