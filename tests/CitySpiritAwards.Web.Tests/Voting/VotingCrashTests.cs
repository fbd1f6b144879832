using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Support;
using Xunit.Abstractions;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>
/// No acknowledged vote is lost when a silo dies: a site process killed with SIGKILL right after answering has stored every
/// vote it receipted; one of two silos killed in the middle of a vote load leaves the other carrying on, tallies exact.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class VotingCrashTests(ServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterSite _site = new(servers, ClusterVotingTests.Settings) { FirstOnly = true };

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    /// <summary>The built site as a process of its own, a third silo of this cluster, so it can be SIGKILLed.</summary>
    private Task<SiteProcess> StartChildAsync() => SiteProcess.StartAsync(new Dictionary<string, string?>(ClusterVotingTests.Settings)
    {
        ["CitySpiritAwards:Mode"] = "Cluster",
        ["CitySpiritAwards:SeedDemo"] = "false",
        ["ConnectionStrings:Postgres"] = _site.PostgresConnectionString,
        ["ConnectionStrings:Blobs"] = servers.Azurite.ConnectionString,
        ["Fraud:Cron"] = AwardsAppFactory.NeverCron, // as in every test site (see AwardsAppFactory)
    });

    [Fact]
    public async Task Every_vote_receipted_by_a_site_killed_right_after_its_answers_is_counted()
    {
        // The campaign and its shortlists are activated on the in-process silo, which outlives the child.
        var campaign = await VotingCampaign.CreateAsync(_site.First, entriesPerCategory: 5);
        var cookies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => VotingCampaign.ResidentCookieAsync(_site.First)));
        await using var child = await StartChildAsync();
        using var http = new HttpClient { BaseAddress = child.Address };
        var load = new VoteLoad(campaign.Id);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Ten residents vote in all four categories at once through the child; it is killed the moment the last answer is in.
        await Task.WhenAll(cookies.SelectMany((cookie, v) => campaign.Entries.Select(category =>
            load.CastAllAsync(cookie, [category.Value[v % category.Value.Count]], () => http, deadline.Token))));
        await child.KillAsync();

        Assert.Equal(0, load.Retries);
        await load.AssertEveryReceiptCountedAsync(_site.First.CreateClient(), _site.PostgresConnectionString, expected: 40);
    }

    [Fact]
    public async Task With_one_of_two_silos_killed_in_the_middle_of_a_vote_load_the_other_carries_on_and_tallies_are_exact()
    {
        var campaign = await VotingCampaign.CreateAsync(_site.First, CampaignSettings.Default with { VotesPerCategory = 3 }, entriesPerCategory: 3);
        var cookies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => VotingCampaign.ResidentCookieAsync(_site.First)));
        var ballots = campaign.Entries.SelectMany(c => c.Value).ToList(); // every entry: 3 in each category, the limit
        await using var child = await StartChildAsync();
        using var viaChild = new HttpClient { BaseAddress = child.Address, Timeout = TimeSpan.FromSeconds(60) };
        var viaFirst = _site.First.CreateClient();
        var load = new VoteLoad(campaign.Id);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var killed = false;

        // Half the residents come through the child, half through the in-process silo, as a load balancer would spread them;
        // once the child is gone, its residents' tries go to the other instance. Each resident's ballots in two halves: the
        // first running when the child is killed, the second sent after.
        HttpClient Route(int voter) => voter % 2 == 0 && !Volatile.Read(ref killed) ? viaChild : viaFirst;
        Task Cast(int half) => Task.WhenAll(cookies.Select((cookie, v) => Task.Run(() => load.CastAllAsync(
            cookie, ballots.Skip(v).Concat(ballots.Take(v)).Skip(half * ballots.Count / 2).Take(ballots.Count / 2), () => Route(v), deadline.Token))));
        var first = Cast(0);
        while (load.Receipts.Count < cookies.Length * ballots.Count / 8 && !first.IsCompleted)
            await Task.Delay(20);
        await child.KillAsync();
        Volatile.Write(ref killed, true);
        var beforeKill = load.Receipts.Count;
        await Task.WhenAll(first, Cast(1));

        output.WriteLine($"{beforeKill} receipts before the kill, {load.Receipts.Count - beforeKill} after; {load.Retries} tries sent again");
        await load.AssertEveryReceiptCountedAsync(viaFirst, _site.PostgresConnectionString, expected: cookies.Length * ballots.Count);
    }
}
