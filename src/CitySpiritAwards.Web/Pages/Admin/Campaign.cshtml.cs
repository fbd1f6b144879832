using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Admin;

/// <summary>
/// One campaign for its administrators: the phase, the schedule, the rules, links to each team's page, who changed what,
/// and "start the next phase now". The button names the phase it starts, so a second click, a stale tab or two
/// administrators at once start it only once; a tick box guards against a slip, since phases never go back. The button
/// comes back to the page (post/redirect/get); only a missing tick re-renders it, with the box marked.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class CampaignModel(
    IGrainFactory grains, NominationQueries nominations, CampaignPhaseJob phases, AwardsClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }

    /// <summary>The campaign's nominations per status, counted in the read table.</summary>
    public IReadOnlyDictionary<NominationStatus, int> Counts { get; private set; } = new Dictionary<NominationStatus, int>();
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    /// <summary>What the last action (here or on the "new campaign" form) did, shown once after its redirect.</summary>
    [TempData(Key = MessageKey)]
    public string? Message { get; set; }

    [TempData]
    public bool IsError { get; set; }

    /// <summary>The TempData key of <see cref="Message"/>, so the "new campaign" form can say the campaign was created.</summary>
    public const string MessageKey = "Admin.Campaign.Message";

    /// <summary>The id of the tick box, under which a missing tick is reported.</summary>
    public const string ConfirmTickId = "confirm";

    public CampaignPhase? NextPhase => Campaign is null ? null : PhaseRules.Next(Campaign.Phase);

    public async Task<IActionResult> OnGetAsync(string campaignId) => await LoadAsync(campaignId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string campaignId, CampaignPhase? phase, bool confirm)
    {
        if (!await LoadAsync(campaignId))
            return NotFound();
        if (phase is null || !Enum.IsDefined(phase.Value))
            (Message, IsError) = (text["Admin.Campaign.NoPhase"], true);
        else if (!confirm)
        {
            // Nothing starts: the page comes back with the box marked.
            ModelState.AddModelError(ConfirmTickId, text["Admin.Campaign.ConfirmFirst"]);
            return Page();
        }
        else
        {
            var result = await phases.AdvanceEarlyAsync(campaignId, phase.Value, $"admin:{User.Identity?.Name}");
            (Message, IsError) = result.Outcome switch
            {
                PhaseTransition.Advance when result.Phase == CampaignPhase.CommitteeScoring =>
                    ($"{text["Admin.Campaign.Advanced", text[$"Phase.{result.Phase}"]]} {text["Admin.Campaign.AssigningJudges"]}", false),
                PhaseTransition.Advance => (text["Admin.Campaign.Advanced", text[$"Phase.{result.Phase}"]].Value, false),
                PhaseTransition.AlreadyDone => (text["Admin.Campaign.AlreadyThere", text[$"Phase.{result.Phase}"]].Value, false),
                _ => (text["Admin.Campaign.CannotSkip", text[$"Phase.{result.Phase}"]].Value, true),
            };
        }
        return Redirect($"/admin/campaigns/{Uri.EscapeDataString(campaignId)}");
    }

    private async Task<bool> LoadAsync(string campaignId)
    {
        var grain = grains.GetGrain<ICampaignGrain>(campaignId);
        Campaign = await grain.GetAsync();
        Audit = Campaign is null ? [] : (await grain.GetAuditLogAsync()).OrderByDescending(a => a.At).ToList();
        Counts = Campaign is null ? Counts : await nominations.CountsAsync(campaignId, HttpContext.RequestAborted);
        Now = clock.UtcNow;
        return Campaign is not null;
    }
}
