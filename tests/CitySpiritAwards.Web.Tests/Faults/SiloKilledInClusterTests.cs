using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CitySpiritAwards.Web.Tests.Faults;

/// <summary>
/// One of three silos SIGKILLed: the voters' grains that lived on it answer through the other two within 15 seconds of the
/// kill (they wait for it to be declared dead, then activate anew and read their ballots back), and every receipt counts.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class SiloKilledInClusterTests(ServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(15);

    private readonly ClusterSite _site = new(servers, ClusterVotingTests.Settings);

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task The_grains_of_a_silo_killed_in_a_cluster_of_three_answer_through_the_others_within_15_seconds()
    {
        var campaign = await VotingCampaign.CreateAsync(_site.First, entriesPerCategory: 3);
        var cookies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => VotingCampaign.ResidentCookieAsync(_site.First)));
        var categories = campaign.Entries.Values.ToList();
        var load = new VoteLoad(campaign.Id);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var third = await ClusterChild.StartAsync(servers, _site.PostgresConnectionString);

        // Each resident votes in two categories through the third silo, which places their voter grains there.
        using var viaThird = new HttpClient { BaseAddress = third.Address };
        await Task.WhenAll(cookies.Select((cookie, v) => load.CastAllAsync(cookie, categories.Take(2).Select(c => c[v % c.Count]), () => viaThird, deadline.Token)));
        Assert.Equal(cookies.Length, await VotersOnOtherSilosAsync(campaign.Id));
        await third.KillAsync();
        var sinceKill = Stopwatch.StartNew();

        // Each resident's ballot, asked for through the two others (alternately), until it answers with the two votes.
        var clients = new[] { _site.First.CreateClient(), _site.Second.CreateClient() };
        var answered = await Task.WhenAll(cookies.Select(async (cookie, v) =>
        {
            var votes = await Eventually.GetAsync(() => MyVoteCountAsync(clients[v % 2], campaign.Id, cookie), count => count == 2, TimeSpan.FromSeconds(60));
            Assert.Equal(2, votes);
            return sinceKill.Elapsed;
        }));
        var all = answered.Max();

        // Then the other two categories through the survivors, and the tallies, all on the two survivors.
        await Task.WhenAll(cookies.Select((cookie, v) => load.CastAllAsync(cookie, categories.Skip(2).Select(c => c[v % c.Count]), () => clients[v % 2], deadline.Token)));
        output.WriteLine($"the killed silo's {cookies.Length} voter grains answered {answered.Min().TotalSeconds:0.0}-{all.TotalSeconds:0.0} s after the kill; {load.Retries} tries sent again");
        Assert.True(all < Target, $"The last of the killed silo's voter grains answered {all.TotalSeconds:0.0} s after the kill (target {Target.TotalSeconds} s).");
        await load.AssertEveryReceiptCountedAsync(clients[0], _site.PostgresConnectionString, expected: cookies.Length * categories.Count);
    }

    /// <summary>How many of the campaign's voter grains are active on neither in-process silo (so on the third).</summary>
    private async Task<int> VotersOnOtherSilosAsync(string campaignId)
    {
        var inProcess = new[] { _site.First, _site.Second }.Select(s => s.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress).ToHashSet();
        var statistics = await _site.First.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Count(s => s.GrainId.Key.ToString()!.StartsWith(campaignId + "/", StringComparison.Ordinal) && !inProcess.Contains(s.SiloAddress));
    }

    /// <summary>The resident's counted votes as the voter grain answers them; -1 while the grain cannot be reached.</summary>
    private static async Task<int> MyVoteCountAsync(HttpClient client, string campaignId, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaignId}/votes/mine");
        request.Headers.Add("Cookie", cookie);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetArrayLength() : -1;
        }
        catch (OperationCanceledException)
        {
            return -1; // the call waited for the dead silo
        }
    }
}
