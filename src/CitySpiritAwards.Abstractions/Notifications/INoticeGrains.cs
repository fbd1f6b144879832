using CitySpiritAwards.Domain.Notifications;
using Orleans.Concurrency;

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
/// The notices about one nomination (keyed by its id) that went out, each named by its event: "step:5" for its history's
/// sixth step, "shortlisted", "won". One activation in the cluster and the names are stored, so a job run twice, on two
/// silos, or after a restart sends each notice once. Keyed by <see cref="CampaignKey"/> it records instead which of a
/// campaign's rounds of notices ("shortlisted", "won") are all out, so the phase job stops queueing them.
/// </summary>
[Alias("CitySpiritAwards.INoticeLogGrain")]
public interface INoticeLogGrain : IGrainWithStringKey
{
    /// <summary>Records the notice of <paramref name="noticeEvent"/>; false when it was already recorded.</summary>
    [Alias("TryClaim")]
    Task<bool> TryClaimAsync(string noticeEvent);

    /// <summary>Takes back a claim whose email could not be sent, so a retry sends it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string noticeEvent);

    /// <summary>Whether the notice of <paramref name="noticeEvent"/> is recorded (claimed and not released).</summary>
    [ReadOnly, Alias("WasSent")]
    Task<bool> WasSentAsync(string noticeEvent);

    /// <summary>The name of the notice of a nomination's history step.</summary>
    static string Step(int step) => $"step:{step}";

    /// <summary>The notice that the nomination is on its award's shortlist for the public vote.</summary>
    const string Shortlisted = "shortlisted";

    /// <summary>The notice that the nomination won its award.</summary>
    const string Won = "won";

    /// <summary>The key of a campaign's own log (nomination ids are 32 hex digits, so never this).</summary>
    static string CampaignKey(string campaignId) => $"campaign:{campaignId}";
}
