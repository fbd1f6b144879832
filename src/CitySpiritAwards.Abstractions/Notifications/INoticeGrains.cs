using CitySpiritAwards.Domain.Notifications;

namespace CitySpiritAwards.Abstractions.Notifications;

/// <summary>The notices an account has turned off, keyed by the account's user id. Everything is on until turned off.</summary>
[Alias("CitySpiritAwards.INoticeSettingsGrain")]
public interface INoticeSettingsGrain : IGrainWithStringKey
{
    [Alias("GetTurnedOff")]
    Task<IReadOnlyList<NoticeKind>> GetTurnedOffAsync();

    [Alias("Set")]
    Task SetAsync(NoticeKind kind, bool on);
}

/// <summary>
/// The history steps of one nomination (keyed by its id) whose notice went out. One activation in the cluster and the
/// steps are stored, so a job run twice, on two silos, or after a restart emails the nominator once per step.
/// </summary>
[Alias("CitySpiritAwards.INoticeLogGrain")]
public interface INoticeLogGrain : IGrainWithStringKey
{
    /// <summary>Records the notice of history step <paramref name="step"/>; false when it was already recorded.</summary>
    [Alias("TryClaim")]
    Task<bool> TryClaimAsync(int step);

    /// <summary>Takes back a claim whose email could not be sent, so a retry sends it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(int step);
}
