using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Storage;

namespace CitySpiritAwards.Grains.Judging;

public sealed class ReminderLogGrain(
    [PersistentState("reminders", StorageNames.Awards)] IPersistentState<ReminderLogState> state) : Grain, IReminderLogGrain
{
    public async Task<bool> TryClaimAsync(DateOnly day)
    {
        if (!ReminderRules.MaySend(state.State.SentOn, day))
            return false;
        state.State.SentOn.Add(day);
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(DateOnly day)
    {
        if (state.State.SentOn.Remove(day))
            await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<DateOnly>> GetAsync() => Task.FromResult<IReadOnlyList<DateOnly>>(state.State.SentOn.ToList());
}

[GenerateSerializer, Alias("CitySpiritAwards.ReminderLogState")]
public sealed class ReminderLogState
{
    [Id(0)] public List<DateOnly> SentOn { get; set; } = [];
}
