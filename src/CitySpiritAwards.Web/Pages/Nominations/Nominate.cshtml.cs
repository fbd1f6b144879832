using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CitySpiritAwards.Web.Pages.Nominations;

/// <summary>
/// The nomination form. The id of the nomination is made when the form is shown and travels in a hidden field,
/// so pressing submit twice (or going back and resubmitting) creates one nomination. Photos that passed the checks
/// are kept when the text needs correcting, so they need not be chosen again.
/// </summary>
[Authorize(Policy = Roles.Resident)]
[EnableRateLimiting(NominationRateLimiterPolicy.Name)]
public sealed class NominateModel(NominationFormServices services) : NominationFormPage(services)
{
    public CampaignSnapshot? Campaign { get; private set; }

    public bool IsOpen => Campaign is { } campaign && NominatingRules.IsOpen(campaign.Phase);

    /// <summary>When nominating opens, while the campaign has not reached it yet (the page says so rather than only "closed").</summary>
    public DateTimeOffset? OpensAt => Campaign is { } campaign ? NominatingRules.OpensAt(campaign.Phase, campaign.Schedule) : null;

    /// <summary>How many more this resident may submit; at 0 the page offers no form, only the way to their nominations.</summary>
    public int Remaining { get; private set; }

    public async Task<IActionResult> OnGetAsync(string campaignId, string? category)
    {
        if (!await LoadAsync(campaignId))
            return NotFound();
        NominationId = Guid.NewGuid().ToString("N");
        Form.CategoryId = CategoryIds.IsKnown(category ?? "") ? category! : "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string campaignId, CancellationToken ct)
    {
        var precheck = Nominations.PrecheckSubmit(campaignId, User.UserId(), IdOf, HttpContext, FieldPrefix);
        if (await ReadPostedFormAsync(precheck, ct) is not { } input)
            return BadRequest();
        if (!await LoadAsync(campaignId))
            return NotFound();
        NominationId = IdOf(Request.Form) ?? Guid.NewGuid().ToString("N");
        if (Unaccepted(input) is { } unaccepted)
            return unaccepted;
        if (!input.IsAcceptable)
        {
            ShowProblems(input.Problems);
            PhotoIds = await Nominations.KeepForCorrectionAsync(NominationId, User.UserId(), input.Photos, ct);
            return Page();
        }

        var change = await Nominations.SubmitAsync(
            campaignId, User.UserId(), NominationId, input.Draft, input.Photos, keepPhotosForCorrection: true, HttpContext, ct);
        if (change.Outcome.Succeeded)
            return Redirect($"/campaigns/{Uri.EscapeDataString(campaignId)}/my-nominations?submitted={change.Outcome.Nomination!.Id}");
        ShowOutcome(change.Outcome);
        PhotoIds = change.PhotoIds;
        return Page();
    }

    /// <summary>The id the form was shown with (a hidden field); null when it is missing or not one of ours.</summary>
    private static string? IdOf(IFormCollection fields) =>
        Guid.TryParseExact(fields["NominationId"], "N", out var id) ? id.ToString("N") : null;

    private async Task<bool> LoadAsync(string campaignId)
    {
        Campaign = await Nominations.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (Campaign is null)
            return false;
        await LoadChoicesAsync();
        if (IsOpen)
            Remaining = await Nominations.Grains.GetGrain<IResidentNominationsGrain>(
                IResidentNominationsGrain.KeyFor(campaignId, User.UserId())).RemainingAsync();
        return true;
    }
}
