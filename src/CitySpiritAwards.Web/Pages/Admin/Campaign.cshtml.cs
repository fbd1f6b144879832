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
/// administrators at once start it only once; a tick box guards against a slip, since phases never go back.
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
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public CampaignPhase? NextPhase => Campaign is null ? null : PhaseRules.Next(Campaign.Phase);

    public async Task<IActionResult> OnGetAsync(string campaignId, bool created = false)
    {
        if (!await LoadAsync(campaignId))
            return NotFound();
        if (created)
            Message = text["Admin.Campaign.Created"]; // arrived from the "new campaign" form
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string campaignId, CampaignPhase? phase, bool confirm)
    {
        if (!await LoadAsync(campaignId))
            return NotFound();
        if (phase is null || !Enum.IsDefined(phase.Value))
            (Message, IsError) = (text["Admin.Campaign.NoPhase"], true);
        else if (!confirm)
            (Message, IsError) = (text["Admin.Campaign.ConfirmFirst"], true);
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
            await LoadAsync(campaignId);
        }
        return Page();
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
