using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Abstractions.Campaigns;

[GenerateSerializer, Immutable, Alias("CitySpiritAwards.NewCampaign")]
public sealed record NewCampaign(
    [property: Id(0)] LocalizedText Name,
    [property: Id(1)] LocalizedText Description,
    [property: Id(2)] CampaignSchedule Schedule,
    [property: Id(3)] CampaignSettings Settings);

[GenerateSerializer, Immutable, Alias("CitySpiritAwards.CampaignSnapshot")]
public sealed record CampaignSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] LocalizedText Description,
    [property: Id(3)] CampaignSchedule Schedule,
    [property: Id(4)] CampaignSettings Settings,
    [property: Id(5)] CampaignPhase Phase);

[GenerateSerializer, Immutable, Alias("CitySpiritAwards.PhaseChangeResult")]
public sealed record PhaseChangeResult(
    [property: Id(0)] PhaseTransition Outcome,
    [property: Id(1)] CampaignPhase Phase);

/// <summary>Who or what changed a campaign, and when.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action);

/// <summary>
/// The actions a campaign's and its results' audit logs store. They are stored as these stable strings (the API returns
/// them as they are); pages put them into words in the reader's language.
/// </summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string PhasePrefix = "phase → ";
    public const string ResultsComputed = "results computed";
    public const string ResultsRecomputed = "results recomputed";
    public const string ResultsPublished = "results published";
    public const string RecomputedVotesChanged = "results recomputed at publication: the votes had changed";
    public const string RecomputedTakenDown = "results recomputed at publication: an entry was taken down";

    public static string Phase(CampaignPhase phase) => $"{PhasePrefix}{phase}";
}
