using CitySpiritAwards.Abstractions.Campaigns;

namespace CitySpiritAwards.Abstractions.Tallying;

/// <summary>
/// One shortlisted entry's place in the results: its committee result as the shortlist recorded it, its counted votes,
/// the committee and public parts (0–1) and the points they give out of 100 (weight × part; they add up to the final score).
/// </summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.ResultStanding")]
public sealed record ResultStanding(
    [property: Id(0)] string EntryId,
    [property: Id(1)] int Rank,
    [property: Id(2)] double NormalizedScore,
    [property: Id(3)] decimal RawScore,
    [property: Id(4)] int ScoreCount,
    [property: Id(5)] long Votes,
    [property: Id(6)] double CommitteePart,
    [property: Id(7)] double PublicPart,
    [property: Id(8)] double CommitteePoints,
    [property: Id(9)] double PublicPoints)
{
    /// <summary>Points out of 100.</summary>
    public double FinalPoints => CommitteePoints + PublicPoints;
}

/// <summary>One category's ranking, best first; the winner is rank 1 (none when the shortlist was empty).</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.CategoryResult")]
public sealed record CategoryResult(
    [property: Id(0)] string CategoryId,
    [property: Id(1)] IReadOnlyList<ResultStanding> Standings)
{
    public ResultStanding? Winner => Standings.FirstOrDefault(s => s.Rank == 1);
}

/// <summary>A campaign's results: the weights used, each category's ranking, when and by whom computed and published.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.CampaignResults")]
public sealed record CampaignResults(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] int CommitteeWeightPercent,
    [property: Id(2)] int PublicWeightPercent,
    [property: Id(3)] IReadOnlyList<CategoryResult> Categories,
    [property: Id(4)] DateTimeOffset ComputedAt,
    [property: Id(5)] string ComputedBy,
    [property: Id(6)] DateTimeOffset? PublishedAt,
    [property: Id(7)] string? PublishedBy,
    [property: Id(8)] IReadOnlyList<AuditEntry> History)
{
    public bool IsPublished => PublishedAt is not null;

    public CategoryResult? For(string categoryId) => Categories.FirstOrDefault(c => c.CategoryId == categoryId);
}

/// <summary>The results as they now stand, or why the request was refused (<c>Domain.Tallying.ResultsRefusals</c>).</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.ResultsOutcome")]
public sealed record ResultsOutcome(
    [property: Id(0)] CampaignResults? Results,
    [property: Id(1)] string? Refusal)
{
    public static ResultsOutcome Done(CampaignResults results) => new(results, null);

    public static ResultsOutcome Refused(string refusal) => new(null, refusal);
}
