using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Moderation;

/// <summary>
/// The moderators' queue for a campaign: nominations waiting for screening first, possible duplicates (same
/// nominee name and district) flagged with a way to merge them, each with approve / reject / request changes / hide. Every action is
/// recorded in the nomination's history with the moderator's name.
/// </summary>
[Authorize(Policy = Roles.Moderator)]
public sealed class QueueModel(NominationServices services) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public IReadOnlyList<NominationView> Nominations { get; private set; } = [];
    private ILookup<string, NominationView> _byNominee = Array.Empty<NominationView>().ToLookup(n => "");
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string campaignId) => await LoadAsync(campaignId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string campaignId, string? nominationId, ModerationAction action, string? reason)
    {
        if (string.IsNullOrEmpty(nominationId))
            return BadRequest();
        var outcome = await services.Grains.GetGrain<INominationGrain>(nominationId)
            .ModerateAsync(action, NominationsApi.ModeratorActor(User), reason);
        Message = outcome.Refusal is { } refusal ? services.Text[$"Nomination.Refusal.{refusal}"] : services.Text["Moderation.Saved"];
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMergeAsync(string campaignId, string? nominationId, string? targetId)
    {
        if (string.IsNullOrEmpty(nominationId))
            return BadRequest();
        var outcome = await services.Grains.GetGrain<INominationMergeGrain>(campaignId).MergeAsync(nominationId, targetId ?? "", NominationsApi.ModeratorActor(User));
        Message = outcome.Refusal is { } refusal ? services.Text[$"Nomination.Refusal.{refusal}"] : services.Text["Moderation.Merged"];
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    /// <summary>The other live nominations of the same nominee (same name and district), which this one could be merged into.</summary>
    public IReadOnlyList<NominationView> DuplicatesOf(NominationView nomination) =>
        _byNominee[DuplicateKey.For(nomination.Draft.NomineeName, nomination.Draft.DistrictId)]
            .Where(n => n.Id != nomination.Id && n.Status is NominationStatus.Submitted or NominationStatus.ChangesRequested or NominationStatus.Approved)
            .ToList();

    private async Task<bool> LoadAsync(string campaignId)
    {
        Campaign = await services.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (Campaign is null)
            return false;
        var views = (await services.Grains.LoadNominationsAsync(Campaign.NominationIds))
            .Where(n => n.Status != NominationStatus.Withdrawn)
            .ToList();
        _byNominee = views.ToLookup(n => DuplicateKey.For(n.Draft.NomineeName, n.Draft.DistrictId));
        Nominations = views
            .OrderBy(n => n.Status is NominationStatus.Submitted ? 0 : n.Status is NominationStatus.ChangesRequested ? 1 : 2)
            .ThenBy(n => n.SubmittedAt)
            .ToList();
        return true;
    }
}
