namespace CitySpiritAwards.Abstractions.Judging;

/// <summary>
/// Turns one category's submitted score sheets into its shortlist and publishes it through <see cref="IShortlistGrain"/>
/// (whose first published shortlist stands), keyed <see cref="JudgingKeys.For"/>(campaign, category). Stateless.
/// </summary>
[Alias("CitySpiritAwards.ICommitteeShortlistGrain")]
public interface ICommitteeShortlistGrain : IGrainWithStringKey
{
    [Alias("Publish")]
    Task<ShortlistSnapshot> PublishAsync(string actor);
}
