using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Districts;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Seeds;

/// <summary>Everything seeds/ holds: loaded on a site's first start.</summary>
public sealed record SeedData(IReadOnlyList<Category> Categories, IReadOnlyList<District> Districts, DemoCampaign DemoCampaign);

/// <summary>The demo campaign, with phase starts given relative to the site's first start so it is always "live".</summary>
public sealed record DemoCampaign(
    string Id,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyDictionary<CampaignPhase, int> PhaseStartOffsetDays,
    CampaignSettings Settings,
    IReadOnlyList<DemoNomination> Nominations)
{
    /// <summary>The schedule of a campaign first started at <paramref name="firstStart"/>: each phase starts its offset in days later (or earlier).</summary>
    public CampaignSchedule ScheduleFrom(DateTimeOffset firstStart) => Schedule(PhaseStartOffsetDays, firstStart);

    internal static CampaignSchedule Schedule(IReadOnlyDictionary<CampaignPhase, int> offsetDays, DateTimeOffset firstStart) => new(
        offsetDays.OrderBy(p => p.Key).Select(p => new PhaseWindow(p.Key, firstStart.AddDays(p.Value))).ToList());
}

/// <summary>A demo nomination, held to the same rules as a resident's. Every person in the seeds is fictional.</summary>
public sealed record DemoNomination(
    string Id,
    string CategoryId,
    string DistrictId,
    string NomineeName,
    string Relationship,
    string? StoryZh,
    string? StoryEn)
{
    /// <summary>Demo nominees are reached at a reserved example address (RFC 2606): nobody real gets email.</summary>
    public NominationDraft ToDraft() =>
        new(CategoryId, DistrictId, NomineeName, Relationship, StoryZh, StoryEn, $"{Id}@example.org", PhotoCount: 0);
}

/// <summary>The seed files cannot be used; the message lists every problem found, each with its file.</summary>
public sealed class SeedException(string message) : Exception(message);
