using System.Text.RegularExpressions;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;

namespace CitySpiritAwards.Domain.Judging;

/// <summary>
/// Administrators may give a category its own rubric for one campaign: bilingual criteria whose weights add up to 100%,
/// only before committee scoring starts (a change later would make members' sheets incomparable). The problems are
/// stable codes the web layer turns into messages in the reader's language.
/// </summary>
public static partial class RubricEditing
{
    public const int MaxCriteria = 8;

    public const string NoCriteria = "no-criteria";
    public const string TooManyCriteria = "too-many-criteria";
    public const string BadId = "bad-id";
    public const string DuplicateIds = "duplicate-ids";
    public const string NameIncomplete = "name-incomplete";
    public const string WeightNotPositive = "weight-not-positive";
    public const string WeightsNot100 = "weights-not-100";

    /// <summary>Why the rubric cannot be changed now, or null.</summary>
    public static string? Refusal(CampaignPhase phase) =>
        phase >= CampaignPhase.CommitteeScoring ? JudgingRefusals.RubricLocked : null;

    public static IReadOnlyList<string> Problems(Rubric rubric)
    {
        var criteria = rubric.Criteria;
        var problems = new List<string>();
        if (criteria.Count == 0)
            return [NoCriteria];
        if (criteria.Count > MaxCriteria)
            problems.Add(TooManyCriteria);
        if (criteria.Any(c => c.Id is null || !CriterionId().IsMatch(c.Id)))
            problems.Add(BadId);
        if (criteria.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() != criteria.Count)
            problems.Add(DuplicateIds);
        if (criteria.Any(c => c.Name is not { IsComplete: true }))
            problems.Add(NameIncomplete);
        if (criteria.Any(c => c.WeightPercent <= 0))
            problems.Add(WeightNotPositive);
        else if (criteria.Sum(c => c.WeightPercent) != 100)
            problems.Add(WeightsNot100);
        return problems;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex CriterionId();
}
