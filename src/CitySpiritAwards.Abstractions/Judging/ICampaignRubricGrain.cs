using CitySpiritAwards.Domain.Categories;

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
}
