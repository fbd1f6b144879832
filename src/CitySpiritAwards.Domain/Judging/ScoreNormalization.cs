namespace CitySpiritAwards.Domain.Judging;

/// <summary>One entry's committee result.</summary>
/// <param name="NormalizedScore">Mean of the members' z-scores for this entry (0 = the members' average).</param>
/// <param name="RawScore">Mean of the members' weighted scores (1-10), shown to people and used to break ties.</param>
/// <param name="ScoreCount">How many members scored it.</param>
public sealed record EntryResult(string EntryId, double NormalizedScore, decimal RawScore, int ScoreCount);

/// <summary>
/// Makes a harsh and a lenient committee member count the same. Each member's weighted scores are turned
/// into z-scores against that member's own scores: z = (score − member's mean) / member's standard deviation
/// (population). A member whose scores are all equal, or who scored a single entry, expressed no preference
/// between entries, so all their z-scores are 0: they neither lift nor sink anything. An entry's normalised
/// score is the mean of its z-scores.
/// </summary>
public static class ScoreNormalization
{
    public static IReadOnlyList<EntryResult> Aggregate(IEnumerable<ScoreSheet> sheets)
    {
        var all = sheets.ToList();
        var duplicate = all.GroupBy(s => (s.MemberId, s.EntryId)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"{duplicate.Key.MemberId} scored {duplicate.Key.EntryId} more than once.", nameof(sheets));

        var zScores = all.GroupBy(s => s.MemberId).SelectMany(ZScoresOfOneMember);
        return zScores
            .GroupBy(z => z.Sheet.EntryId)
            .Select(entry => new EntryResult(
                entry.Key,
                entry.Average(z => z.Value),
                entry.Average(z => z.Sheet.WeightedScore),
                entry.Count()))
            .ToList();
    }

    private static IEnumerable<(ScoreSheet Sheet, double Value)> ZScoresOfOneMember(IEnumerable<ScoreSheet> memberSheets)
    {
        var sheets = memberSheets.ToList();
        var scores = sheets.Select(s => (double)s.WeightedScore).ToList();
        var mean = scores.Average();
        var deviation = Math.Sqrt(scores.Average(s => (s - mean) * (s - mean)));
        // Below this the scores are equal up to rounding of decimal marks; treat as "no preference".
        const double noSpread = 1e-9;
        return sheets.Select(s => (s, deviation < noSpread ? 0.0 : ((double)s.WeightedScore - mean) / deviation));
    }
}
