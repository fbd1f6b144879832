using System.Net;
using System.Net.Http.Json;
using System.Text;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Web.Tests.Tallying;

/// <summary>
/// Results on the smallest real cluster (two silos, real PostgreSQL): residents vote through both instances, then the
/// phase job fires on both at the same moment as Tallying and Published start, as two Hangfire servers would.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ClusterResultsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly ClusterSite _site;

    public ClusterResultsTests(ServersFixture servers)
    {
        var clock = new AwardsClock(_clock);
        _site = new ClusterSite(servers, ClusterVotingTests.Settings, services => services.AddSingleton(clock));
    }

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    private IGrainFactory GrainsOf(AwardsAppFactory instance) => instance.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Moves the clock to the phase's start and fires the phase job on both instances at once.</summary>
    private async Task BothSilosReachAsync(string campaignId, CampaignPhase phase)
    {
        var starts = (await GrainsOf(_site.First).GetGrain<ICampaignGrain>(campaignId).GetAsync())!.Schedule.StartOf(phase)!.Value;
        _clock.Advance(starts - _clock.GetUtcNow());
        await Task.WhenAll(
            _site.First.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAsync(campaignId),
            _site.Second.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAsync(campaignId));
    }

    [Fact]
    public async Task The_tallying_job_on_both_silos_at_once_computes_the_results_once_from_the_votes_of_both()
    {
        var entries = await ResultsSite.CreateCampaignAsync(GrainsOf(_site.First), _clock.GetUtcNow(), "cluster-results");
        await BothSilosReachAsync("cluster-results", CampaignPhase.PublicVoting);
        var votingDay = ShanghaiTime.DayOf(_clock.GetUtcNow());
        foreach (var (instance, entry) in new[] { (_site.First, "B"), (_site.Second, "B"), (_site.Second, "A") })
        {
            var resident = await VotingCampaign.ResidentAsync(instance);
            Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync("/api/campaigns/cluster-results/votes", new { entryId = entries[entry] })).StatusCode);
        }

        await BothSilosReachAsync("cluster-results", CampaignPhase.Tallying);
        await Task.WhenAll( // the minutely safety net, on both, right after
            _site.First.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAllAsync(),
            _site.Second.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAllAsync());

        var results = (await GrainsOf(_site.Second).GetGrain<IResultsGrain>("cluster-results").GetAsync())!;
        Assert.Equal(["results computed"], results.History.Select(h => h.Action));
        var wisdom = results.For(CategoryIds.Wisdom)!;
        Assert.Equal([entries["B"], entries["A"], entries["C"]], wisdom.Standings.Select(s => s.EntryId));
        Assert.Equal([2L, 1L, 0L], wisdom.Standings.Select(s => s.Votes));
        Assert.Equal(65.0, wisdom.Standings[0].FinalPoints, 6);

        var admin = await AdminClient.SignInAsync(_site.Second, ClusterSite.AdminEmail, ClusterSite.AdminPassword);
        var votes = await admin.GetByteArrayAsync("/api/admin/campaigns/cluster-results/votes.csv?culture=en");
        Assert.Equal(
            "Day (Shanghai),Award id,Award,Entry id,Nominee,Counted,Held for review,Withdrawn\r\n"
            + $"{votingDay:yyyy-MM-dd},wisdom,Open-minded Wisdom,{entries["A"]},候选人A (Entry A),1,0,0\r\n"
            + $"{votingDay:yyyy-MM-dd},wisdom,Open-minded Wisdom,{entries["B"]},候选人B (Entry B),2,0,0\r\n",
            Encoding.UTF8.GetString(votes[3..]));

        await BothSilosReachAsync("cluster-results", CampaignPhase.Published);

        var published = (await GrainsOf(_site.First).GetGrain<IResultsGrain>("cluster-results").GetAsync())!;
        Assert.Equal(["results computed", "results published"], published.History.Select(h => h.Action));
        Assert.Equal(results.ComputedAt, published.ComputedAt);
        var (status, page) = await new AccountBrowser(_site.First).GetAsync("/campaigns/cluster-results/results");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h3 id=\"winner-wisdom\">候选人B (Entry B)</h3>", page);
    }
}
