using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Voting;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Fraud;

/// <summary>What one scan of a campaign found: votes read, votes flagged (held now or before), votes newly taken out of the count.</summary>
public sealed record FraudScan(string CampaignId, int Votes, int Flagged, int NewlyHeld);

/// <summary>
/// The fraud signals' Hangfire job. Every minute (<see cref="FraudOptions.Cron"/>) it scans each campaign in
/// PublicVoting, and once more each campaign that has reached Tallying (then never again). A scan reads only the votes
/// cast since the campaign's last scan (never whom they were for), in batches, with what their signals depend on: the
/// recent votes of their networks and each account's first vote there (<see cref="FraudSignals.FlagAmong"/>), and the
/// creation time of just those voters' accounts. It holds the flagged votes (<see cref="IVoteHolds.HoldAsync"/>: held
/// and out of the tallies in one transaction, a vote held at most once). The same votes give the same flags, so a
/// retried run, or the same run on two silos at once, holds nothing twice; a vote an administrator decided is never
/// flagged again.
/// </summary>
public sealed class FraudJob(
    IGrainFactory grains, IVoteHolds holds, IServiceScopeFactory scopes, AwardsClock clock, ILogger<FraudJob> logger)
{
    public const string RecurringJobId = "fraud-signals";
    private const int AccountsPerQuery = 500;

    /// <summary>Votes read and flagged at a time: memory stays flat however many votes arrived since the last scan.</summary>
    internal const int VotesPerBatch = 20_000;

    /// <summary>
    /// A vote is committed moments after it is cast, but a batch retried after a database hiccup can land later; each
    /// scan reads again this far behind the latest vote it saw, so such a vote is never skipped (reading one twice is harmless).
    /// </summary>
    internal static readonly TimeSpan LateCommits = TimeSpan.FromMinutes(1);

    /// <summary>The recurring job: returns what each scanned campaign's scan found (Hangfire keeps it as the job's result).</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task<IReadOnlyList<FraudScan>> ScanAllAsync()
    {
        var scans = new List<FraudScan>();
        foreach (var id in await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync())
        {
            var campaign = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
            if (campaign?.Phase == CampaignPhase.PublicVoting)
                scans.Add(await ScanAsync(campaign));
            else if (campaign?.Phase == CampaignPhase.Tallying && !await holds.FinalSweepDoneAsync(id, CancellationToken.None))
            {
                // Voting has closed: one last scan sees every vote, including any committed after the last minutely run.
                scans.Add(await ScanAsync(campaign));
                await holds.MarkFinalSweepAsync(id, clock.UtcNow, CancellationToken.None);
            }
        }
        return scans;
    }

    /// <summary>Scans one campaign now, whatever its phase (also what the administrators' "scan now" does).</summary>
    public async Task<FraudScan?> ScanAsync(string campaignId) =>
        await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync() is { } campaign ? await ScanAsync(campaign) : null;

    private async Task<FraudScan> ScanAsync(CampaignSnapshot campaign)
    {
        var thresholds = campaign.Settings.Fraud ?? new FraudThresholds();
        var scannedTo = await holds.ScannedToAsync(campaign.Id, CancellationToken.None);
        var after = scannedTo is { } mark && mark - LateCommits > VotePosition.Start.VotedAt ? new VotePosition(mark - LateCommits, "") : VotePosition.Start;
        var (read, flagged, held) = (0, 0, 0);
        while (true)
        {
            var votes = await holds.LoadVotesAsync(campaign.Id, after, VotesPerBatch, CancellationToken.None);
            if (votes.Count == 0)
                break;
            var (batchFlagged, batchHeld) = await ScanBatchAsync(campaign.Id, votes, thresholds);
            (read, flagged, held) = (read + votes.Count, flagged + batchFlagged, held + batchHeld);
            after = votes[^1].Position;
            await holds.MarkScannedToAsync(campaign.Id, after.VotedAt, CancellationToken.None);
            if (votes.Count < VotesPerBatch)
                break;
        }
        if (held > 0)
            logger.LogInformation("Fraud signals held {Held} more votes of campaign {CampaignId} for review ({Flagged} of the {Votes} votes read flagged)",
                held, campaign.Id, flagged, read);
        return new FraudScan(campaign.Id, read, flagged, held);
    }

    /// <summary>Flags and holds one batch of votes, from them and what their signals depend on. Returns (flagged, newly held).</summary>
    private async Task<(int Flagged, int Held)> ScanBatchAsync(string campaignId, IReadOnlyList<VoteEvent> votes, FraudThresholds thresholds)
    {
        // First votes are recorded before the context is read, so an account's first vote may be in this very batch.
        await holds.RecordFirstVotesAsync(campaignId, votes, CancellationToken.None);
        var networks = votes.Select(v => v.Network).Where(n => n != ClientNetwork.Unknown).ToHashSet(StringComparer.Ordinal);
        var earlier = await holds.LoadEarlierVotesAsync(campaignId, networks, votes[0].VotedAt - thresholds.Window, CancellationToken.None);
        var created = await AccountsCreatedAsync(votes.Select(v => v.VoterId).Distinct(StringComparer.Ordinal).ToList());
        VoteTrace Trace(VoteEvent v) => new(
            v.Receipt, v.VoterId, v.VotedAt,
            created.TryGetValue(v.VoterId, out var at) ? at : DateTimeOffset.MinValue, // unknown here: not "fresh" (only the scanned votes' ages count)
            v.Network == ClientNetwork.Unknown ? "" : v.Network);
        var voters = votes.ToDictionary(v => v.Receipt, v => v.VoterId, StringComparer.Ordinal);

        var flagged = FraudSignals.FlagAmong(votes.Select(Trace).ToList(), earlier.Select(Trace), thresholds)
            .GroupBy(f => f.VoteId, StringComparer.Ordinal)
            .Select(flags => new NewHold(
                flags.Key,
                flags.FirstOrDefault(f => f.Reason == FraudReason.Burst)?.Count,
                flags.Any(f => f.Reason == FraudReason.FreshAccount),
                flags.FirstOrDefault(f => f.Reason == FraudReason.ManyAccountsOneNetwork)?.Count,
                created.TryGetValue(voters[flags.Key], out var at) ? at : null))
            .ToList();
        return (flagged.Count, await holds.HoldAsync(campaignId, flagged, clock.UtcNow, CancellationToken.None));
    }

    private async Task<Dictionary<string, DateTimeOffset>> AccountsCreatedAsync(IReadOnlyList<string> voterIds)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        var created = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var chunk in voterIds.Chunk(AccountsPerQuery))
        {
            var accounts = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.CreatedAt }).ToListAsync();
            foreach (var account in accounts)
                created[account.Id] = account.CreatedAt;
        }
        return created;
    }
}

/// <summary>The "Fraud" configuration section.</summary>
public sealed class FraudOptions
{
    public const string Section = "Fraud";

    /// <summary>When the scan runs (Hangfire cron, UTC); every minute by default.</summary>
    public string Cron { get; set; } = Hangfire.Cron.Minutely();

    /// <summary>The fewest held votes decided at once, and the smallest count exports show (<see cref="HoldReview"/>).</summary>
    public int MinimumGroup { get; set; } = HoldReview.DefaultMinimumGroup;
}

/// <summary>Declares the recurring scan at every start (embedded Hangfire keeps nothing across restarts).</summary>
public sealed class FraudJobRegistration(IRecurringJobManager recurring, IOptions<FraudOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<FraudJob>(FraudJob.RecurringJobId, job => job.ScanAllAsync(), options.Value.Cron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
