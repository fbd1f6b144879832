namespace CitySpiritAwards.Abstractions.Judging;

/// <summary>
/// The days a committee member was reminded of unscored entries in one campaign, keyed <see cref="JudgingKeys.For"/>(campaign,
/// member id). One activation in the cluster and the days are stored, so two silos or a restart never send twice a day.
/// </summary>
[Alias("CitySpiritAwards.IReminderLogGrain")]
public interface IReminderLogGrain : IGrainWithStringKey
{
    /// <summary>Records a reminder for <paramref name="day"/> and returns true, or false when one was already recorded that day.</summary>
    [Alias("TryClaim")]
    Task<bool> TryClaimAsync(DateOnly day);

    /// <summary>Takes back a claim whose email could not be sent, so a later run tries again the same day.</summary>
    [Alias("Release")]
    Task ReleaseAsync(DateOnly day);

    [Alias("Get")]
    Task<IReadOnlyList<DateOnly>> GetAsync();
}
