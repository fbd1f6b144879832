using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Tallying;

/// <summary>Why results could not be computed, recomputed or published; the web layer words each one in the reader's language.</summary>
public static class ResultsRefusals
{
    public const string NotFound = "not-found";
    /// <summary>Public voting has not closed: nothing to count yet.</summary>
    public const string NotTallying = "not-tallying";
    /// <summary>Published results are final: they are never computed again.</summary>
    public const string AlreadyPublished = "already-published";
    /// <summary>A category has no published shortlist yet (the judging job has not caught up): try again shortly.</summary>
    public const string ShortlistsPending = "shortlists-pending";
    /// <summary>Results are published with the campaign's Published phase only.</summary>
    public const string NotPublishedPhase = "not-published-phase";
}

/// <summary>
/// When results exist and who may see them. They are computed once the campaign enters Tallying (public voting closed),
/// from the published shortlists and the counted votes; while the campaign is in Tallying an administrator may compute
/// them again (e.g. after clearing votes held for review); they become public, and final, when the campaign is Published.
/// </summary>
public static class ResultsRules
{
    public static string? ComputeRefusal(CampaignPhase phase) =>
        phase >= CampaignPhase.Tallying ? null : ResultsRefusals.NotTallying;

    public static string? RecomputeRefusal(CampaignPhase phase, bool published) =>
        published || phase > CampaignPhase.Tallying ? ResultsRefusals.AlreadyPublished
        : phase < CampaignPhase.Tallying ? ResultsRefusals.NotTallying
        : null;

    public static string? PublishRefusal(CampaignPhase phase) =>
        phase == CampaignPhase.Published ? null : ResultsRefusals.NotPublishedPhase;

    /// <summary>Whether visitors may see the results: only published ones, in a Published campaign.</summary>
    public static bool IsPublic(CampaignPhase phase, bool published) => phase == CampaignPhase.Published && published;
}
