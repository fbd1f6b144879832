using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Domain.Tallying;

/// <summary>
/// A shortlisted entry's place in the published results: its committee result, its counted votes, and the two parts of
/// its final score in points out of 100 (committee points = committee weight × Φ(z); public points = public weight ×
/// votes / most votes), which add up to <see cref="FinalPoints"/>.
/// </summary>
public sealed record RankedEntry(
    string EntryId, int Rank, double NormalizedScore, decimal RawScore, int ScoreCount,
    long Votes, double CommitteePart, double PublicPart, double CommitteePoints, double PublicPoints)
{
    /// <summary>The final score in points out of 100: what the results page, the chart and the export show.</summary>
    public double FinalPoints => CommitteePoints + PublicPoints;
}

/// <summary>One category's final ranking, made with <see cref="FinalRanking"/> (order, ties) and put in points.</summary>
public static class CategoryResults
{
    public static IReadOnlyList<RankedEntry> Rank(
        IReadOnlyList<EntryResult> shortlist, IReadOnlyDictionary<string, long> countedVotes, CampaignSettings settings)
    {
        // A category's votes fit an int many times over (Shanghai has 25 million people); clamp rather than wrap.
        var votes = shortlist.ToDictionary(e => e.EntryId, e => (int)Math.Clamp(countedVotes.GetValueOrDefault(e.EntryId), 0, int.MaxValue), StringComparer.Ordinal);
        var byId = shortlist.ToDictionary(e => e.EntryId, StringComparer.Ordinal);
        return FinalRanking.Rank(shortlist, votes, settings)
            .Select(s => new RankedEntry(
                s.EntryId, s.Rank, byId[s.EntryId].NormalizedScore, byId[s.EntryId].RawScore, byId[s.EntryId].ScoreCount,
                s.Votes, s.CommitteePart, s.PublicPart,
                settings.CommitteeWeightPercent * s.CommitteePart, settings.PublicWeightPercent * s.PublicPart))
            .ToList();
    }
}
