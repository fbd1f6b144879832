using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Abstractions.Campaigns;

/// <summary>One campaign (a season of the awards), keyed by its id: schedule, settings, current phase and audit log.</summary>
[Alias("CitySpiritAwards.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<CampaignSnapshot?> GetAsync();

    /// <summary>Creates the campaign in Draft. Creating it again with the same id is refused.</summary>
    [Alias("Create")]
    Task<CampaignSnapshot> CreateAsync(NewCampaign campaign, string actor);

    /// <summary>
    /// Moves the campaign into <paramref name="target"/> if it is the next phase. Idempotent: asking for a
    /// phase already reached changes nothing and says so, so retried jobs and racing silos are safe.
    /// </summary>
    [Alias("AdvanceTo")]
    Task<PhaseChangeResult> AdvanceToAsync(CampaignPhase target, string actor);

    /// <summary>
    /// Steps the campaign forward, one phase at a time, to the phase its schedule says should be running now.
    /// Never goes back (an administrator may have advanced early), and running it twice changes nothing.
    /// </summary>
    [Alias("CatchUpWithSchedule")]
    Task<PhaseChangeResult> CatchUpWithScheduleAsync(string actor);

    /// <summary>
    /// The ids of nominations made before the read table existed, which the campaign used to list (an upgrade writes
    /// their rows once, then forgets them). Empty for every campaign since.
    /// </summary>
    [Alias("LegacyNominationIds")]
    Task<IReadOnlyList<string>> LegacyNominationIdsAsync();

    [Alias("ForgetLegacyNominationIds")]
    Task ForgetLegacyNominationIdsAsync();

    [Alias("GetAuditLog")]
    Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync();
}
