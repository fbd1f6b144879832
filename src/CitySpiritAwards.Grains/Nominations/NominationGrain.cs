using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Nominations;

public sealed class NominationGrain(
    [PersistentState("nomination", StorageNames.Awards)] IPersistentState<NominationState> state,
    AwardsClock clock) : Grain, INominationGrain
{
    public Task<NominationSnapshot?> GetAsync() => Task.FromResult(state.RecordExists ? Snapshot() : null);

    public async Task<NominationSnapshot> SubmitAsync(NewNomination nomination)
    {
        if (state.RecordExists)
        {
            // The same request twice (a double click, a retried call) yields the first result.
            return state.State.Content == nomination
                ? Snapshot()
                : throw new InvalidOperationException($"Nomination '{this.GetPrimaryKeyString()}' already exists with other content.");
        }
        if (!CategoryIds.IsKnown(nomination.CategoryId))
            throw new ArgumentException($"'{nomination.CategoryId}' is not an award category.");

        state.State.Content = nomination;
        state.State.SubmittedAt = clock.UtcNow;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICampaignGrain>(nomination.CampaignId).AddNominationAsync(this.GetPrimaryKeyString());
        return Snapshot();
    }

    private NominationSnapshot Snapshot() => new(this.GetPrimaryKeyString(), state.State.Content!, state.State.SubmittedAt);
}

[GenerateSerializer, Alias("CitySpiritAwards.NominationState")]
public sealed class NominationState
{
    [Id(0)] public NewNomination? Content { get; set; }
    [Id(1)] public DateTimeOffset SubmittedAt { get; set; }
}
