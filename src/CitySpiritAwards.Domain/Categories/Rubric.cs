namespace CitySpiritAwards.Domain.Categories;

/// <summary>The weighted criteria a category's entries are scored against.</summary>
public sealed record Rubric(IReadOnlyList<RubricCriterion> Criteria)
{
    public const int MinScore = 1;
    public const int MaxScore = 10;

    /// <summary>Reasons this rubric cannot be used; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Criteria.Count == 0)
            problems.Add("A rubric needs at least one criterion.");
        if (Criteria.Any(c => c.WeightPercent <= 0))
            problems.Add("Every criterion needs a weight above 0%.");
        var total = Criteria.Sum(c => c.WeightPercent);
        if (Criteria.Count > 0 && total != 100)
            problems.Add($"Criterion weights add up to {total}%, not 100%.");
        if (Criteria.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != Criteria.Count)
            problems.Add("Criterion ids must be unique.");
        if (Criteria.Any(c => !c.Name.IsComplete))
            problems.Add("Every criterion needs a name in both Chinese and English.");
        return problems;
    }

    /// <summary>
    /// The weighted score (1-10) of one member's marks, e.g. 40% × 8 + 30% × 6 + 20% × 10 + 10% × 5 = 7.5.
    /// Every criterion must be marked, each from 1 to 10.
    /// </summary>
    public decimal WeightedScore(IReadOnlyDictionary<string, int> marks)
    {
        decimal total = 0;
        foreach (var criterion in Criteria)
        {
            if (!marks.TryGetValue(criterion.Id, out var mark))
                throw new ArgumentException($"No mark for criterion '{criterion.Id}'.", nameof(marks));
            if (mark is < MinScore or > MaxScore)
                throw new ArgumentOutOfRangeException(nameof(marks), mark, $"Marks run from {MinScore} to {MaxScore}.");
            total += criterion.WeightPercent * mark;
        }
        var unknown = marks.Keys.Except(Criteria.Select(c => c.Id)).FirstOrDefault();
        if (unknown is not null)
            throw new ArgumentException($"'{unknown}' is not a criterion of this rubric.", nameof(marks));
        return total / 100m;
    }
}
