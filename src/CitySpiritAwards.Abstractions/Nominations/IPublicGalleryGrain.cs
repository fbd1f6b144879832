using Orleans.Concurrency;

namespace CitySpiritAwards.Abstractions.Nominations;

/// <summary>
/// The public face of one campaign's nominations, keyed by campaign id: only approved nominations whose nominee
/// consented, newest first, with nothing private in them. Each nomination grain keeps its own entry up to date
/// whenever it changes, so the gallery answers from memory without loading every nomination.
/// </summary>
[Alias("CitySpiritAwards.IPublicGalleryGrain")]
public interface IPublicGalleryGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the nomination's entry.</summary>
    [Alias("Show")]
    Task ShowAsync(GalleryEntry entry);

    /// <summary>Takes the nomination out (consent withdrawn, hidden, merged...). Nothing happens if it was not in.</summary>
    [Alias("Hide")]
    Task HideAsync(string nominationId);

    [ReadOnly, Alias("Query")]
    Task<GalleryPage> QueryAsync(GalleryQuery query);

    /// <summary>Whether every nomination of the campaign has been asked to list itself (after an upgrade, not yet).</summary>
    [Alias("IsIndexed")]
    Task<bool> IsIndexedAsync();

    [Alias("MarkIndexed")]
    Task MarkIndexedAsync();
}

/// <summary>What the public may see of a nomination: never the nominator, never the nominee's contact.</summary>
/// <param name="StoryZhExcerpt">The start of the Chinese story, for cards; the nomination's page shows it whole.</param>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.GalleryEntry")]
public sealed record GalleryEntry(
    [property: Id(0)] string NominationId,
    [property: Id(1)] string CategoryId,
    [property: Id(2)] string DistrictId,
    [property: Id(3)] string NomineeName,
    [property: Id(4)] string Relationship,
    [property: Id(5)] string? StoryZhExcerpt,
    [property: Id(6)] string? StoryEnExcerpt,
    [property: Id(7)] IReadOnlyList<string> PhotoIds,
    [property: Id(8)] DateTimeOffset PublicSince)
{
    public bool Equals(GalleryEntry? other) =>
        other is not null && NominationId == other.NominationId && CategoryId == other.CategoryId && DistrictId == other.DistrictId
        && NomineeName == other.NomineeName && Relationship == other.Relationship && StoryZhExcerpt == other.StoryZhExcerpt
        && StoryEnExcerpt == other.StoryEnExcerpt && PhotoIds.SequenceEqual(other.PhotoIds) && PublicSince == other.PublicSince;

    public override int GetHashCode() => HashCode.Combine(NominationId, PublicSince);
}

/// <summary>Filters (null for all) and the page wanted; the answer clamps them (<c>Domain.Nominations.GalleryPaging</c>).</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.GalleryQuery")]
public sealed record GalleryQuery(
    [property: Id(0)] string? CategoryId,
    [property: Id(1)] string? DistrictId,
    [property: Id(2)] int? Page,
    [property: Id(3)] int? PageSize);

[GenerateSerializer, Immutable, Alias("CitySpiritAwards.GalleryPage")]
public sealed record GalleryPage(
    [property: Id(0)] IReadOnlyList<GalleryEntry> Entries,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] int Total,
    [property: Id(4)] int PageCount);
