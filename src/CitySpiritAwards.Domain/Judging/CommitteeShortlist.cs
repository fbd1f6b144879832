using CitySpiritAwards.Domain.Categories;

namespace CitySpiritAwards.Domain.Judging;

/// <summary>One member's submitted marks for one entry, criterion id → mark (1-10).</summary>
public sealed record SubmittedMarks(string MemberId, string EntryId, IReadOnlyDictionary<string, int> Marks);

/// <summary>
/// A category's committee result when scoring closes: each submitted sheet weighted by the campaign's rubric for the
/// category (<see cref="Rubric.WeightedScore"/>), normalised per member (<see cref="ScoreNormalization"/>) and ranked
/// (<see cref="Shortlist"/>). Only sheets of an entry's current judges count (a member who recused, or whom the chair
/// moved off the entry, no longer counts for it), and only for entries still in judging. Entries nobody scored are
/// not shortlisted.
/// </summary>
public static class CommitteeShortlist
{
    public static IReadOnlyList<EntryResult> Build(
        IEnumerable<SubmittedMarks> submitted,
        IReadOnlyDictionary<string, IReadOnlyList<string>> judgesByEntry,
        Rubric rubric,
        int shortlistSize)
    {
        var sheets = submitted
            .Where(s => judgesByEntry.TryGetValue(s.EntryId, out var judges) && judges.Contains(s.MemberId))
            .Where(s => ScoringRules.Check(rubric, s.Marks, null, complete: true).Count == 0)
            .Select(s => new ScoreSheet(s.MemberId, s.EntryId, rubric.WeightedScore(s.Marks)));
        return Shortlist.Top(ScoreNormalization.Aggregate(sheets), shortlistSize);
    }
}
