using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Web.Fraud;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using CitySpiritAwards.Web.Voting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitySpiritAwards.Web.Tests.Fraud;

/// <summary>
/// The embedded site with a fake awards clock (votes are stamped with it), requests arriving through a loopback proxy,
/// an administrator, and the minutely scan switched off so each test runs the job itself.
/// </summary>
public sealed class FraudSite : IAsyncLifetime
{
    public const string AdminEmail = "fraud-admin@example.org";
    public const string AdminPassword = "Fraud-admin-1";

    /// <summary>Small thresholds so a handful of accounts show each signal.</summary>
    public static readonly CampaignSettings Settings = CampaignSettings.Default with
    {
        Fraud = new FraudThresholds(BurstVotes: 3, BurstWindow: TimeSpan.FromMinutes(5), FreshAccountAge: TimeSpan.FromMinutes(30), AccountsPerNetwork: 4),
    };

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddSeconds(-DateTimeOffset.UtcNow.Second));

    public AwardsAppFactory App { get; }

    public FraudSite() => App = new AwardsAppFactory(new Dictionary<string, string?>
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["CitySpiritAwards:SeedDemo"] = "false",
        ["Account:SignupPermitLimit"] = "1000",
        ["Voting:TallyRefresh"] = "00:00:00",
        ["Fraud:Cron"] = AwardsAppFactory.NeverCron, // already so in every test site; said here because these tests rely on it
        ["Fraud:MinimumGroup"] = "2", // the scenario's burst (two votes) is a group big enough to decide; its fresh account alone is not
    })
    {
        ReplaceServices = services =>
        {
            services.AddSingleton(new AwardsClock(Clock));
            LoopbackProxy.AddTo(services);
        },
    };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    public FraudJob Job => App.Services.GetRequiredService<FraudJob>();

    /// <summary>What the votes file says: the campaign's tally total and its counted votes (not withdrawn, not held).</summary>
    public (long Tallied, long Counted, long Held) Ledger(string campaignId)
    {
        using var connection = ((SqliteVoteLedger)App.Services.GetRequiredService<IVoteLedger>()).OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT coalesce(sum(votes), 0) FROM vote_tallies WHERE campaign_id = $c),
                   (SELECT count(*) FROM votes WHERE campaign_id = $c AND withdrawn_at IS NULL AND held = 0),
                   (SELECT count(*) FROM votes WHERE campaign_id = $c AND held = 1)
            """;
        command.Parameters.AddWithValue("$c", campaignId);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// The standard case: five settled accounts vote for the first wisdom entry from one network within 40 seconds
    /// (votes 4 and 5 are a burst; the fifth account is one too many for the network), then, minutes apart from networks
    /// of their own, two settled accounts and one created five minutes before it votes.
    /// </summary>
    public async Task<Scenario> ScenarioAsync(bool withNominations = false)
    {
        var campaign = await VotingCampaign.CreateAsync(App, Settings, withNominations: withNominations);
        var (hot, other) = (campaign.In("wisdom")[0], campaign.In("wisdom")[1]);
        var settled = Clock.GetUtcNow().AddDays(-90);
        var network = new List<Voter>();
        for (var i = 1; i <= 5; i++)
            network.Add(await FraudVoters.CreateAsync(App, $"203.0.113.{i}", settled));
        Voter[] ordinary = [await FraudVoters.CreateAsync(App, "198.51.100.20", settled), await FraudVoters.CreateAsync(App, "192.0.2.30", settled)];
        // Votes 30 min 40 s from now, 5 min 40 s after its account was created.
        var fresh = await FraudVoters.CreateAsync(App, "2001:db8:1:2::40", Clock.GetUtcNow().AddMinutes(25));

        var networkReceipts = new List<string>();
        foreach (var voter in network)
        {
            networkReceipts.Add(await voter.VoteAsync(campaign, hot));
            Clock.Advance(TimeSpan.FromSeconds(10));
        }
        Clock.Advance(TimeSpan.FromMinutes(10));
        var ordinaryReceipts = new[] { await ordinary[0].VoteAsync(campaign, other) };
        Clock.Advance(TimeSpan.FromMinutes(10));
        ordinaryReceipts = [.. ordinaryReceipts, await ordinary[1].VoteAsync(campaign, hot)];
        Clock.Advance(TimeSpan.FromMinutes(10));
        var freshReceipt = await fresh.VoteAsync(campaign, other);
        return new Scenario(campaign, hot, other, network, networkReceipts, ordinary, ordinaryReceipts, fresh, freshReceipt);
    }
}

/// <param name="Hot">The entry the burst voted for (4 counted votes once the burst is held: 3 from the network, 1 ordinary).</param>
/// <param name="Other">The entry of the other ordinary vote and the fresh account's (1 counted once the fresh vote is held).</param>
public sealed record Scenario(
    VotingCampaign Campaign, string Hot, string Other,
    IReadOnlyList<Voter> Network, IReadOnlyList<string> NetworkReceipts,
    IReadOnlyList<Voter> Ordinary, IReadOnlyList<string> OrdinaryReceipts,
    Voter Fresh, string FreshReceipt)
{
    public IEnumerable<string> HeldReceipts => [NetworkReceipts[3], NetworkReceipts[4], FreshReceipt];

    public IEnumerable<string> CountedReceipts => NetworkReceipts.Take(3).Concat(OrdinaryReceipts);

    public IEnumerable<string> EntryIds => Campaign.Entries.Values.SelectMany(e => e);
}

/// <summary>One embedded site for all fraud tests of this assembly (each test makes its own campaign).</summary>
[CollectionDefinition(Name)]
public sealed class FraudSiteCollection : ICollectionFixture<FraudSite>
{
    public const string Name = "fraud-site";
}
