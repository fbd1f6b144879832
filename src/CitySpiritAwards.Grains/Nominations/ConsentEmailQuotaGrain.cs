using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Nominations;

public sealed class ConsentEmailQuotaGrain(
    [PersistentState("consent-email-quota", StorageNames.Awards)] IPersistentState<ConsentEmailQuotaState> state,
    AwardsClock clock) : Grain, IConsentEmailQuotaGrain
{
    public async Task<EmailAllowance> TryTakeAsync(int limit, TimeSpan window)
    {
        var now = clock.UtcNow;
        var decision = SendingLimit.Decide(state.State.SentAt, now, limit, window);
        if (!decision.Allowed)
            return new EmailAllowance(false, now, decision.AllowedFrom);
        // Stored before the email goes: a crash afterwards counts a send that may not have happened, never the reverse.
        state.State.SentAt = [.. state.State.SentAt.Where(t => t > now - window), now];
        await state.WriteStateAsync();
        return new EmailAllowance(true, now, null);
    }

    public async Task GiveBackAsync(DateTimeOffset takenAt)
    {
        if (state.State.SentAt.Remove(takenAt))
            await state.WriteStateAsync();
    }

    public Task<DateTimeOffset?> NextFreeAsync(int limit, TimeSpan window) =>
        Task.FromResult(SendingLimit.Decide(state.State.SentAt, clock.UtcNow, limit, window).AllowedFrom);
}

[GenerateSerializer, Alias("CitySpiritAwards.ConsentEmailQuotaState")]
public sealed class ConsentEmailQuotaState
{
    [Id(0)] public List<DateTimeOffset> SentAt { get; set; } = [];
}
