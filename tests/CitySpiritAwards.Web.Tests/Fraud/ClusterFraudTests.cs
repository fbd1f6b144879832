using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Fraud;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CitySpiritAwards.Web.Tests.Fraud;

/// <summary>
/// The fraud scan on the smallest real cluster (two silos, real PostgreSQL): the job fired on both instances at once holds
/// each vote once, and while votes, scans and the administrators' decisions run at the same time through both silos the
/// tallies stay exactly the counted votes.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ClusterFraudTests : IAsyncLifetime
{
    private static readonly CampaignSettings Settings = CampaignSettings.Default with
    {
        Fraud = new FraudThresholds(BurstVotes: 3, BurstWindow: TimeSpan.FromMinutes(5), FreshAccountAge: TimeSpan.FromMinutes(30), AccountsPerNetwork: 6),
    };

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddSeconds(-DateTimeOffset.UtcNow.Second));
    private readonly ClusterSite _site;

    public ClusterFraudTests(ServersFixture servers)
    {
        var clock = new AwardsClock(_clock);
        _site = new ClusterSite(servers, new Dictionary<string, string?>(ClusterVotingTests.Settings)
            {
                ["Fraud:Cron"] = AwardsAppFactory.NeverCron,
                ["Fraud:MinimumGroup"] = "2", // both orders of the two administrators' overlapping groups below can be decided
            },
            services =>
            {
                services.AddSingleton(clock);
                LoopbackProxy.AddTo(services);
            });
    }

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    private FraudJob JobOn(AwardsAppFactory instance) => instance.Services.GetRequiredService<FraudJob>();

    [Fact]
    public async Task The_scan_on_both_silos_at_once_holds_each_vote_once_and_tallies_stay_exact_through_concurrent_votes_and_decisions()
    {
        var campaign = await VotingCampaign.CreateAsync(_site.First, Settings, entriesPerCategory: 3);
        var wisdom = campaign.In("wisdom");
        var settled = _clock.GetUtcNow().AddDays(-90);
        var network = new List<Voter>();
        for (var i = 1; i <= 12; i++)
            network.Add(await FraudVoters.CreateAsync(_site.First, $"203.0.113.{i}", settled));
        Voter[] fresh = [await FraudVoters.CreateAsync(_site.First, "198.51.100.1", _clock.GetUtcNow()), await FraudVoters.CreateAsync(_site.First, "192.0.2.1", _clock.GetUtcNow())];
        var later = new List<Voter>();
        for (var i = 1; i <= 4; i++)
            later.Add(await FraudVoters.CreateAsync(_site.First, $"100.64.{i}.1", settled));

        // Twelve accounts on one network within a minute, alternating silos and entries: the 4th to 12th votes are a burst
        // (the 7th to 12th accounts are also too many for the network); then two fresh accounts elsewhere. 11 held, 3 counted.
        for (var i = 0; i < network.Count; i++)
        {
            await network[i].VoteAsync(campaign, wisdom[i % 3], network[i].Via(i % 2 == 0 ? _site.First : _site.Second));
            _clock.Advance(TimeSpan.FromSeconds(5));
        }
        await fresh[0].VoteAsync(campaign, wisdom[0], fresh[0].Via(_site.Second));
        await fresh[1].VoteAsync(campaign, wisdom[1], fresh[1].Via(_site.First));
        _clock.Advance(TimeSpan.FromMinutes(10));

        var scans = await Task.WhenAll(
            JobOn(_site.First).ScanAsync(campaign.Id), JobOn(_site.Second).ScanAsync(campaign.Id),
            ScanAllAsync(_site.First, campaign.Id), ScanAllAsync(_site.Second, campaign.Id));

        Assert.All(scans, scan => Assert.Equal(11, scan!.Flagged));
        Assert.Equal(11, scans.Sum(scan => scan!.NewlyHeld)); // four runs at once, each vote held by exactly one of them
        Assert.Equal(11, await CountAsync($"SELECT count(*) FROM votes WHERE campaign_id = '{campaign.Id}' AND held"));
        Assert.Equal(11, await CountAsync($"SELECT count(*) FROM vote_holds WHERE campaign_id = '{campaign.Id}'"));
        await AssertTalliesExactAsync(campaign, counted: 3);

        // Now everything at once through both silos: two administrators deciding, both scans, and four more votes.
        var firstAdmin = await AdminClient.SignInAsync(_site.First, ClusterSite.AdminEmail, ClusterSite.AdminPassword);
        var secondAdmin = await AdminClient.SignInAsync(_site.Second, ClusterSite.AdminEmail, ClusterSite.AdminPassword);
        // One clears the burst (nine holds) while the other confirms the six of them that are also too many accounts.
        var decide = $"/api/admin/campaigns/{campaign.Id}/held-votes/decide";
        var clearing = firstAdmin.PostAsJsonAsync(decide, new { signal = "Burst", network = "203.0.113.0/24", decision = "Cleared" });
        var confirming = secondAdmin.PostAsJsonAsync(decide, new { signal = "ManyAccountsOneNetwork", network = "203.0.113.0/24", decision = "Confirmed" });
        var rescans = Task.WhenAll(JobOn(_site.First).ScanAsync(campaign.Id), JobOn(_site.Second).ScanAsync(campaign.Id));
        var votes = Task.WhenAll(later.Select((voter, i) => voter.VoteAsync(campaign, wisdom[i % 3], voter.Via(i % 2 == 0 ? _site.Second : _site.First))));
        await Task.WhenAll(clearing, confirming, rescans, votes);

        Assert.Equal(HttpStatusCode.OK, (await clearing).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await confirming).StatusCode);
        Assert.All(await rescans, scan => Assert.Equal(0, scan!.NewlyHeld));

        var cleared = await CountAsync($"SELECT count(*) FROM vote_holds WHERE campaign_id = '{campaign.Id}' AND decision = 'cleared'");
        var confirmed = await CountAsync($"SELECT count(*) FROM vote_holds WHERE campaign_id = '{campaign.Id}' AND decision = 'confirmed'");
        Assert.Equal(9, cleared + confirmed); // each of the burst's nine decided once, whichever administrator came first
        Assert.True(cleared is 9 or 3, $"cleared {cleared}: all nine, or the three the confirmation left waiting");
        Assert.Equal(11 - cleared, await CountAsync($"SELECT count(*) FROM votes WHERE campaign_id = '{campaign.Id}' AND held"));
        await AssertTalliesExactAsync(campaign, counted: 3 + 4 + cleared);
    }

    private async Task<FraudScan?> ScanAllAsync(AwardsAppFactory instance, string campaignId) =>
        (await JobOn(instance).ScanAllAsync()).Single(scan => scan.CampaignId == campaignId);

    /// <summary>In SQL and through both silos' API: every entry's tally equals its counted votes, and they add up to <paramref name="counted"/>.</summary>
    private async Task AssertTalliesExactAsync(VotingCampaign campaign, long counted)
    {
        Assert.Equal(counted, await CountAsync($"SELECT count(*) FROM votes WHERE campaign_id = '{campaign.Id}' AND withdrawn_at IS NULL AND NOT held"));
        Assert.Equal(counted, await CountAsync($"SELECT coalesce(sum(votes), 0)::bigint FROM vote_tallies WHERE campaign_id = '{campaign.Id}'"));
        Assert.Equal(0, await CountAsync($"""
            SELECT count(*) FROM
                (SELECT entry_id, sum(votes) AS n FROM vote_tallies WHERE campaign_id = '{campaign.Id}' GROUP BY entry_id) AS t
                FULL JOIN (SELECT entry_id, count(*) AS n FROM votes WHERE campaign_id = '{campaign.Id}' AND withdrawn_at IS NULL AND NOT held GROUP BY entry_id) AS v
                ON t.entry_id = v.entry_id
            WHERE coalesce(t.n, 0) <> coalesce(v.n, 0)
            """));
        foreach (var instance in new[] { _site.First, _site.Second })
        {
            var tallies = await instance.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/tallies");
            Assert.Equal(counted, campaign.Entries.Values.SelectMany(e => e).Sum(e => VotingApiTests.VotesFor(tallies, e)));
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_site.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
