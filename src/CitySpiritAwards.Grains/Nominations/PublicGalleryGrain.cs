using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Storage;

namespace CitySpiritAwards.Grains.Nominations;

/// <summary>
/// Holds the campaign's public entries in memory, newest first, and stores them so a restart does not need every
/// nomination to be read again. Queries are read-only and interleave, so many readers never queue behind each other.
/// </summary>
public sealed class PublicGalleryGrain(
    [PersistentState("gallery", StorageNames.Awards)] IPersistentState<PublicGalleryState> state) : Grain, IPublicGalleryGrain
{
    private List<GalleryEntry> Entries => state.State.Entries;

    public async Task ShowAsync(GalleryEntry entry)
    {
        var index = Entries.FindIndex(e => e.NominationId == entry.NominationId);
        if (index >= 0 && Entries[index].Equals(entry))
            return;
        if (index >= 0)
            Entries.RemoveAt(index);
        Entries.Insert(PositionFor(entry), entry);
        await WriteOrReloadAsync();
    }

    public async Task HideAsync(string nominationId)
    {
        if (Entries.RemoveAll(e => e.NominationId == nominationId) > 0)
            await WriteOrReloadAsync();
    }

    public Task<bool> IsIndexedAsync() => Task.FromResult(state.State.Indexed);

    public async Task MarkIndexedAsync()
    {
        if (state.State.Indexed)
            return;
        state.State.Indexed = true;
        await WriteOrReloadAsync();
    }

    public Task<GalleryPage> QueryAsync(GalleryQuery query)
    {
        var matching = Entries
            .Where(e => string.IsNullOrEmpty(query.CategoryId) || e.CategoryId == query.CategoryId)
            .Where(e => string.IsNullOrEmpty(query.DistrictId) || e.DistrictId == query.DistrictId)
            .ToList();
        var paging = GalleryPaging.For(query.Page, query.PageSize, matching.Count);
        return Task.FromResult(new GalleryPage(
            matching.Skip(paging.Skip).Take(paging.PageSize).ToList(), paging.Page, paging.PageSize, paging.Total, paging.PageCount));
    }

    /// <summary>
    /// Stores the change; if that fails, goes back to what is stored, so a retried Hide still finds the entry to remove
    /// (memory must never say "done" for a change storage did not take).
    /// </summary>
    private async Task WriteOrReloadAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }

    /// <summary>Newest first; entries that became public at the same moment by id, so the order never changes between pages.</summary>
    private int PositionFor(GalleryEntry entry)
    {
        var position = Entries.FindIndex(e =>
            e.PublicSince < entry.PublicSince
            || (e.PublicSince == entry.PublicSince && string.CompareOrdinal(e.NominationId, entry.NominationId) > 0));
        return position < 0 ? Entries.Count : position;
    }
}

[GenerateSerializer, Alias("CitySpiritAwards.PublicGalleryState")]
public sealed class PublicGalleryState
{
    [Id(0)] public List<GalleryEntry> Entries { get; set; } = [];

    /// <summary>Every nomination of the campaign has been asked once to put itself in (see <c>GalleryIndexer</c>).</summary>
    [Id(1)] public bool Indexed { get; set; }
}
