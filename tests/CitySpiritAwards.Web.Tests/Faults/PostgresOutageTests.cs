using System.Net;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Xunit.Abstractions;

namespace CitySpiritAwards.Web.Tests.Faults;

/// <summary>
/// PostgreSQL restarted under a vote load (cluster mode): while it is down the site says it is not ready and voters are told to
/// try again; it becomes ready again by itself, and every vote that got a receipt, before, during or after, is counted.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PostgresOutageTests(ServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterSite _site = new(servers, ClusterVotingTests.Settings) { FirstOnly = true };

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task While_PostgreSQL_restarts_under_votes_the_site_is_not_ready_then_recovers_by_itself_and_every_receipt_counts()
    {
        var campaign = await VotingCampaign.CreateAsync(_site.First, CampaignSettings.Default with { VotesPerCategory = 4 }, entriesPerCategory: 4);
        var cookies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => VotingCampaign.ResidentCookieAsync(_site.First)));
        var ballots = campaign.Entries.SelectMany(c => c.Value).ToList();
        var client = _site.First.CreateClient();
        var load = new VoteLoad(campaign.Id);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Each resident's ballots in two halves: the first running when the server goes down, the second sent while it is down.
        Task Cast(int half) => Task.WhenAll(cookies.Select((cookie, v) =>
            Task.Run(() => load.CastAllAsync(cookie, ballots.Skip(v).Concat(ballots.Take(v)).Skip(half * ballots.Count / 2).Take(ballots.Count / 2), () => client, deadline.Token))));
        var first = Cast(0);
        while (load.Receipts.Count < cookies.Length * ballots.Count / 8 && !first.IsCompleted)
            await Task.Delay(20);
        var beforeStop = load.Receipts.Count;
        int stopped, restarting;
        Task second;
        HttpStatusCode whileDown;
        try
        {
            await servers.Postgres.StopAsync(immediate: true); // as a crash: no goodbye to the clients
            stopped = load.Receipts.Count;
            second = Cast(1);
            whileDown = await Eventually.GetAsync(() => ReadinessAsync(client), status => status != HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(2)); // votes keep arriving while it is down
            restarting = load.Receipts.Count;
        }
        finally
        {
            // The server is shared with the other tests of the collection: always bring it back.
            await servers.Postgres.StartAsync();
        }
        var afterRestart = await Eventually.GetAsync(() => ReadinessAsync(client), status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        await Task.WhenAll(first, second);

        output.WriteLine($"{beforeStop} receipts before the stop, {stopped - beforeStop} while it stopped, {restarting - stopped} while down, {load.Receipts.Count - restarting} from the restart on; {load.Retries} tries sent again");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown);
        Assert.Equal(HttpStatusCode.OK, afterRestart);
        Assert.True(load.Retries > 0, "No vote felt the outage.");
        await load.AssertEveryReceiptCountedAsync(client, _site.PostgresConnectionString, expected: cookies.Length * ballots.Count);
    }

    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        return response.StatusCode;
    }
}
