using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CitySpiritAwards.Web.Pages.Nominations;

/// <summary>
/// The nominator changes their nomination while the rules allow it: before Screening, or when a moderator asked for
/// changes (saving then sends it back to the moderators). Photos can be taken off and added.
/// </summary>
[Authorize(Policy = Roles.Resident)]
[EnableRateLimiting(NominationRateLimiterPolicy.Name)]
public sealed class EditModel(NominationFormServices services) : NominationFormPage(services)
{
    public NominationView? Nomination { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Form = NominationForm.From(Nomination!.Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken ct)
    {
        if (await ReadPostedFormAsync(Nominations.PrecheckEdit(id, User.UserId(), HttpContext, FieldPrefix), ct) is not { } input)
            return BadRequest();
        if (!await LoadAsync(id))
            return NotFound();
        if (Unaccepted(input) is { } unaccepted)
            return unaccepted;
        if (!input.IsAcceptable)
        {
            ShowProblems(input.Problems);
            PhotoIds = input.Photos.KeptIds.Intersect(Nomination!.PhotoIds).ToList();
            return Page();
        }

        var change = await Nominations.EditAsync(id, User.UserId(), input.Draft, input.Photos, HttpContext, ct);
        if (change.Outcome.Succeeded)
            return Redirect($"/campaigns/{Uri.EscapeDataString(Nomination!.CampaignId)}/my-nominations?edited={id}");
        ShowOutcome(change.Outcome);
        PhotoIds = change.PhotoIds;
        return Page();
    }

    /// <summary>The nomination if it is the signed-in resident's own (anyone else gets "not found", not a hint that it exists).</summary>
    private async Task<bool> LoadAsync(string id)
    {
        Nomination = await Nominations.Grains.GetGrain<INominationGrain>(id).GetAsync();
        if (Nomination is null || Nomination.NominatorId != User.UserId())
            return false;
        var phase = (await Nominations.Grains.GetGrain<ICampaignGrain>(Nomination.CampaignId).GetAsync())?.Phase ?? CampaignPhase.Draft;
        CanEdit = NominationLifecycle.Edit(Nomination.Status, phase).IsAllowed;
        if (!CanEdit)
            Refusal = Nominations.Text["Edit.NotNow"];
        NominationId = Nomination.Id;
        PhotoIds = Nomination.PhotoIds;
        ViewablePhotoIds = Nomination.PhotoIds.ToHashSet();
        await LoadChoicesAsync();
        return true;
    }
}
