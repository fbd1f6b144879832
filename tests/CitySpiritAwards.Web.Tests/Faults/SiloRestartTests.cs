using System.Diagnostics;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Xunit.Abstractions;

namespace CitySpiritAwards.Web.Tests.Faults;

/// <summary>
/// The only silo of a cluster SIGKILLed and started again on new ports, as Kubernetes replaces a pod: the dead silo is still
/// Active in the membership table, and the new one must find it dead before it can join. It is ready within 15 seconds of the
/// kill (Orleans' defaults took ~100), and every vote the dead one receipted is counted.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class SiloRestartTests(ServersFixture servers, ITestOutputHelper output)
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_only_silo_killed_and_started_on_a_new_address_is_ready_within_15_seconds_and_every_receipt_counts()
    {
        var postgres = await servers.Postgres.CreateDatabaseAsync();
        var (campaign, cookies) = await PrepareAsync(postgres);
        var load = new VoteLoad(campaign.Id);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using (var first = await ClusterChild.StartAsync(servers, postgres))
        {
            using var http = new HttpClient { BaseAddress = first.Address };
            await Task.WhenAll(cookies.SelectMany((cookie, v) => campaign.Entries.Select(category =>
                load.CastAllAsync(cookie, [category.Value[v % category.Value.Count]], () => http, deadline.Token))));
            await first.KillAsync();
        }

        // The replacement comes up as a pod does: new address, schema left to the migrate Job.
        var sinceKill = Stopwatch.StartNew();
        await using var second = await ClusterChild.StartAsync(servers, postgres, migrate: false);
        var ready = sinceKill.Elapsed;

        output.WriteLine($"ready {ready.TotalSeconds:0.0} s after the kill, on a new address");
        Assert.True(ready < Target, $"The restarted silo was ready {ready.TotalSeconds:0.0} s after the kill (target {Target.TotalSeconds} s).");
        using var visitor = new HttpClient { BaseAddress = second.Address };
        await load.AssertEveryReceiptCountedAsync(visitor, postgres, expected: cookies.Length * campaign.Entries.Count);
    }

    /// <summary>The campaign and its residents, made on an instance that then leaves the cluster, so the child is its only silo.</summary>
    private async Task<(VotingCampaign Campaign, string[] Cookies)> PrepareAsync(string postgres)
    {
        var setup = new AwardsAppFactory(new Dictionary<string, string?>(ClusterVotingTests.Settings)
        {
            ["CitySpiritAwards:Mode"] = "Cluster",
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:Blobs"] = servers.Azurite.ConnectionString,
        });
        try
        {
            await setup.InitializeAsync();
            var campaign = await VotingCampaign.CreateAsync(setup, entriesPerCategory: 5);
            var cookies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => VotingCampaign.ResidentCookieAsync(setup)));
            return (campaign, cookies);
        }
        finally
        {
            await ((IAsyncLifetime)setup).DisposeAsync();
        }
    }
}
