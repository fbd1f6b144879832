namespace CitySpiritAwards.Abstractions.Judging;

/// <summary>
/// One category's shortlist in one campaign, keyed "{campaignId}/{categoryId}": the entries the committee sends
/// to public voting, in rank order. Written once when committee scoring closes; read by voting and results.
/// </summary>
[Alias("CitySpiritAwards.IShortlistGrain")]
public interface IShortlistGrain : IGrainWithStringKey
{
    static string KeyFor(string campaignId, string categoryId) => $"{campaignId}/{categoryId}";

    /// <summary>The shortlist, or null while committee scoring has not produced one.</summary>
    [Alias("Get")]
    Task<ShortlistSnapshot?> GetAsync();

    /// <summary>
    /// Records the shortlist. The first one published stands: publishing again (a retried job, two silos at once)
    /// returns the stored shortlist unchanged.
    /// </summary>
    [Alias("Publish")]
    Task<ShortlistSnapshot> PublishAsync(IReadOnlyList<ShortlistedEntry> entries, string actor);
}

/// <summary>One shortlisted entry: its committee result as <c>Domain.Judging.EntryResult</c> computed it.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.ShortlistedEntry")]
public sealed record ShortlistedEntry(
    [property: Id(0)] string NominationId,
    [property: Id(1)] int Rank,
    [property: Id(2)] double NormalizedScore,
    [property: Id(3)] decimal RawScore,
    [property: Id(4)] int ScoreCount);

[GenerateSerializer, Immutable, Alias("CitySpiritAwards.ShortlistSnapshot")]
public sealed record ShortlistSnapshot(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string CategoryId,
    [property: Id(2)] IReadOnlyList<ShortlistedEntry> Entries,
    [property: Id(3)] DateTimeOffset PublishedAt,
    [property: Id(4)] string PublishedBy)
{
    public bool Contains(string nominationId) => Entries.Any(e => e.NominationId == nominationId);
}
