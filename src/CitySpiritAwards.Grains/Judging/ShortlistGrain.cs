using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Judging;

public sealed class ShortlistGrain(
    [PersistentState("shortlist", StorageNames.Awards)] IPersistentState<ShortlistState> state,
    AwardsClock clock) : Grain, IShortlistGrain
{
    public Task<ShortlistSnapshot?> GetAsync() => Task.FromResult(state.State.Snapshot);

    public async Task<ShortlistSnapshot> PublishAsync(IReadOnlyList<ShortlistedEntry> entries, string actor)
    {
        if (state.State.Snapshot is { } published)
            return published;
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/');
        state.State.Snapshot = new ShortlistSnapshot(
            key[..slash], key[(slash + 1)..], entries.OrderBy(e => e.Rank).ToList(), clock.UtcNow, actor);
        await state.WriteStateAsync();
        return state.State.Snapshot;
    }
}

[GenerateSerializer, Alias("CitySpiritAwards.ShortlistState")]
public sealed class ShortlistState
{
    [Id(0)] public ShortlistSnapshot? Snapshot { get; set; }
}
