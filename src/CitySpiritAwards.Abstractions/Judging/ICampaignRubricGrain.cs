using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Abstractions.Judging;

/// <summary>
/// The rubric a category's entries are scored against in one campaign, keyed <see cref="JudgingKeys.For"/>(campaign,
/// category): the category's own (seeded) rubric unless an administrator set one for this campaign.
/// </summary>
[Alias("CitySpiritAwards.ICampaignRubricGrain")]
public interface ICampaignRubricGrain : IGrainWithStringKey
{
    /// <summary>The rubric in force, or null when the category does not exist.</summary>
    [Alias("Get")]
    Task<Rubric?> GetAsync();

    /// <summary>Whether this campaign has a rubric of its own for the category (rather than the category's).</summary>
    [Alias("IsCustom")]
    Task<bool> IsCustomAsync();

    /// <summary>Sets this campaign's rubric for the category, before committee scoring starts (<see cref="RubricEditing"/>).</summary>
    [Alias("Set")]
    Task<RubricOutcome> SetAsync(Rubric rubric, string actor);
}

/// <summary>The answer to setting a rubric: done, refused (e.g. rubric-locked), or the problems with it (<see cref="RubricEditing"/> codes).</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.RubricOutcome")]
public sealed record RubricOutcome(
    [property: Id(0)] string? Refusal,
    [property: Id(1)] IReadOnlyList<string> Problems)
{
    public bool Succeeded => Refusal is null && Problems.Count == 0;
}
