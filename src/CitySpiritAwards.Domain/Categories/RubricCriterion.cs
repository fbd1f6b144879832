using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Categories;

/// <summary>One thing a committee member scores from 1 to 10, with its share of the total.</summary>
public sealed record RubricCriterion(string Id, LocalizedText Name, LocalizedText Guidance, int WeightPercent);
