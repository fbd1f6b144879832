namespace CitySpiritAwards.Domain.Judging;

/// <summary>
/// Orders a category's entries by committee result and keeps the top N. Ties are broken, in order, by the
/// higher raw mean score, then by more scores received, then by entry id (ordinal), so the same scores
/// always give the same order.
/// </summary>
public static class Shortlist
{
    public static IReadOnlyList<EntryResult> Rank(IEnumerable<EntryResult> results) =>
        results
            .OrderByDescending(r => Math.Round(r.NormalizedScore, 9))
            .ThenByDescending(r => r.RawScore)
            .ThenByDescending(r => r.ScoreCount)
            .ThenBy(r => r.EntryId, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<EntryResult> Top(IEnumerable<EntryResult> results, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return Rank(results).Take(size).ToList();
    }
}
