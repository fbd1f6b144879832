using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Nominations;

/// <summary>The resident's own nominations in a campaign: status, the moderator's note, photos, history; edit or withdraw while allowed.</summary>
[Authorize(Policy = Roles.Resident)]
public sealed class MyNominationsModel(NominationServices services) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public IReadOnlyList<NominationView> Nominations { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string campaignId, string? submitted, string? edited)
    {
        if (!await LoadAsync(campaignId))
            return NotFound();
        if (submitted is not null && Nominations.Any(n => n.Id == submitted))
            Message = services.Text["MyNominations.Submitted"];
        else if (edited is not null && Nominations.Any(n => n.Id == edited))
            Message = services.Text["MyNominations.Edited"];
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string campaignId, string? nominationId)
    {
        if (string.IsNullOrEmpty(nominationId))
            return BadRequest();
        var outcome = await services.Grains.GetGrain<INominationGrain>(nominationId).WithdrawAsync(NominationsApi.UserId(User));
        Message = outcome.Refusal is { } refusal ? services.Text[$"Nomination.Refusal.{refusal}"] : services.Text["MyNominations.Withdrawn"];
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    public bool CanEdit(NominationView nomination) => NominationLifecycle.Edit(nomination.Status, Campaign!.Phase).IsAllowed;

    public bool CanWithdraw(NominationView nomination) => NominationLifecycle.Withdraw(nomination.Status, Campaign!.Phase).IsAllowed;

    /// <summary>One step of the history in the reader's language: who (by role only) did what.</summary>
    public string Describe(NominationEvent step, NominationView nomination)
    {
        var who = OwnNomination.RoleOf(step.Actor, nomination.NominatorId);
        var action = services.Text[$"History.{step.Action.Replace(": ", ".", StringComparison.Ordinal)}"];
        var text = $"{services.Text[$"History.Actor.{who}"]}: {(action.ResourceNotFound ? step.Action : action.Value)}";
        return OwnNomination.NoteForNominator(step) is { Length: > 0 } note ? $"{text} ({note})" : text;
    }

    private async Task<bool> LoadAsync(string campaignId)
    {
        Campaign = await services.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (Campaign is null)
            return false;
        Nominations = (await services.Grains.LoadResidentNominationsAsync(campaignId, NominationsApi.UserId(User)))
            .OrderByDescending(n => n.SubmittedAt).ToList();
        return true;
    }
}
