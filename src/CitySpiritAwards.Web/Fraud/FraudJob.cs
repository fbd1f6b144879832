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
/// PublicVoting, and once more each campaign that has reached Tallying (then never again): reads the campaign's votes
/// (never whom they were for) and each voter's account creation time from Identity, runs
/// <see cref="FraudSignals"/> with the campaign's thresholds, and holds the flagged votes (<see cref="IVoteHolds.HoldAsync"/>:
/// held and out of the tallies in one transaction, a vote held at most once). The same votes give the same flags, so a
/// retried run, or the same run on two silos at once, holds nothing twice; a vote an administrator decided is never
/// flagged again.
/// </summary>
public sealed class FraudJob(
    IGrainFactory grains, IVoteHolds holds, IServiceScopeFactory scopes, AwardsClock clock, ILogger<FraudJob> logger)
{
    public const string RecurringJobId = "fraud-signals";
    private const int AccountsPerQuery = 500;

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
        var votes = await holds.LoadVotesAsync(campaign.Id, CancellationToken.None);
        if (votes.Count == 0)
            return new FraudScan(campaign.Id, 0, 0, 0);
        var created = await AccountsCreatedAsync(votes.Select(v => v.VoterId).Distinct(StringComparer.Ordinal).ToList());
        var traces = votes.Select(v => new VoteTrace(
            v.Receipt, v.VoterId, v.VotedAt,
            created.TryGetValue(v.VoterId, out var at) ? at : DateTimeOffset.MinValue, // no such account: not "fresh"
            v.Network == ClientNetwork.Unknown ? "" : v.Network));
        var voters = votes.ToDictionary(v => v.Receipt, v => v.VoterId, StringComparer.Ordinal);

        var flagged = FraudSignals.Flag(traces, campaign.Settings.Fraud ?? new FraudThresholds())
            .GroupBy(f => f.VoteId, StringComparer.Ordinal)
            .Select(flags => new NewHold(
                flags.Key,
                flags.FirstOrDefault(f => f.Reason == FraudReason.Burst)?.Count,
                flags.Any(f => f.Reason == FraudReason.FreshAccount),
                flags.FirstOrDefault(f => f.Reason == FraudReason.ManyAccountsOneNetwork)?.Count,
                created.TryGetValue(voters[flags.Key], out var at) ? at : null))
            .ToList();
        var held = await holds.HoldAsync(campaign.Id, flagged, clock.UtcNow, CancellationToken.None);
        if (held > 0)
            logger.LogInformation("Fraud signals held {Held} more votes of campaign {CampaignId} for review ({Flagged} of {Votes} flagged in all)",
                held, campaign.Id, flagged.Count, votes.Count);
        return new FraudScan(campaign.Id, votes.Count, flagged.Count, held);
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
