namespace CitySpiritAwards.Grains.Voting;

/// <summary>The "Voting" configuration section.</summary>
public sealed class VotingOptions
{
    public const string Section = "Voting";

    /// <summary>At most this many writes go into one transaction.</summary>
    public int MaxBatchSize { get; set; } = 2000;

    /// <summary>
    /// Transactions one silo's writer has in flight at once. While they are busy, new votes wait and are then committed
    /// together (group commit). SQLite takes one writer at a time, so embedded mode always uses 1.
    /// </summary>
    public int MaxConcurrentBatches { get; set; } = 2;

    /// <summary>How often a failed batch is tried in all (re-applying a batch is harmless, see <see cref="IVoteLedger.CommitAsync"/>).</summary>
    public int CommitAttempts { get; set; } = 3;

    /// <summary>How long a silo reuses what it read about a campaign (phase, settings, shortlists) before reading it again.</summary>
    public TimeSpan CampaignRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a silo reuses the tallies it read before reading them again.</summary>
    public TimeSpan TallyRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Votes, changes and withdrawals one account may send per <see cref="RateWindow"/>.</summary>
    public int PermitsPerVoter { get; set; } = 30;

    /// <summary>Votes, changes and withdrawals one client network (IPv4 address, IPv6 /64) may send per <see cref="RateWindow"/>.</summary>
    public int PermitsPerNetwork { get; set; } = 600;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);
}
