using CitySpiritAwards.Abstractions.Notifications;
using CitySpiritAwards.Domain.Notifications;
using CitySpiritAwards.Grains.Storage;

namespace CitySpiritAwards.Grains.Notifications;

public sealed class NoticeSettingsGrain(
    [PersistentState("notice-settings", StorageNames.Awards)] IPersistentState<NoticeSettingsState> state) : Grain, INoticeSettingsGrain
{
    public Task<IReadOnlyList<NoticeKind>> GetTurnedOffAsync() => Task.FromResult<IReadOnlyList<NoticeKind>>(state.State.TurnedOff.ToList());

    public async Task SetAsync(NoticeKind kind, bool on)
    {
        if (on ? state.State.TurnedOff.Remove(kind) : state.State.TurnedOff.Add(kind))
            await state.WriteStateAsync();
    }
}

public sealed class NoticeLogGrain(
    [PersistentState("notices", StorageNames.Awards)] IPersistentState<NoticeLogState> state) : Grain, INoticeLogGrain
{
    public async Task<bool> TryClaimAsync(string noticeEvent)
    {
        if (!state.State.Sent.Add(noticeEvent))
            return false;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(string noticeEvent)
    {
        if (state.State.Sent.Remove(noticeEvent))
            await state.WriteStateAsync();
    }

    public Task<bool> WasSentAsync(string noticeEvent) => Task.FromResult(state.State.Sent.Contains(noticeEvent));
}

[GenerateSerializer, Alias("CitySpiritAwards.NoticeSettingsState")]
public sealed class NoticeSettingsState
{
    [Id(0)] public HashSet<NoticeKind> TurnedOff { get; set; } = [];
}

[GenerateSerializer, Alias("CitySpiritAwards.NoticeLogState")]
public sealed class NoticeLogState
{
    [Id(0)] public HashSet<string> Sent { get; set; } = [];
}
