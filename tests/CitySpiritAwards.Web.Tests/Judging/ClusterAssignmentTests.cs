using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Judging;
using CitySpiritAwards.Web.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>Two instances on real PostgreSQL run the judge assignment job at the same moment: entries are assigned once.</summary>
[Collection(ServersCollection.Name)]
public sealed class ClusterAssignmentTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly ClusterSite _site = new(servers);

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task The_assignment_job_running_on_both_instances_at_once_assigns_the_demo_entries_once()
    {
        var grains = _site.First.Services.GetRequiredService<IGrainFactory>();
        foreach (var category in CategoryIds.All)
        foreach (var member in new[] { "m1", "m2", "m3", "m4" })
            await grains.GetGrain<IPanelGrain>(JudgingKeys.For("demo", category)).AddAsync(new PanelSeat($"{category}-{member}", member), "test");
        var campaign = grains.GetGrain<ICampaignGrain>("demo");
        await campaign.AdvanceToAsync(CampaignPhase.Screening, "test");
        await campaign.AdvanceToAsync(CampaignPhase.CommitteeScoring, "test"); // directly: no job has run yet

        await Task.WhenAll(
            _site.First.Services.GetRequiredService<JudgingRoundJob>().FollowPhaseAsync("demo"),
            _site.Second.Services.GetRequiredService<JudgingRoundJob>().FollowPhaseAsync("demo"),
            _site.Second.Services.GetRequiredService<JudgingRoundJob>().FollowPhaseAsync("demo"));

        var demoEntries = _site.First.Services.GetRequiredService<SeedData>().DemoCampaign.Nominations;
        var viaSecond = _site.Second.Services.GetRequiredService<IGrainFactory>();
        var assigned = 0;
        foreach (var category in CategoryIds.All)
        {
            var assignment = await viaSecond.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For("demo", category)).GetAsync();
            Assert.NotNull(assignment);
            Assert.Single(assignment.History);
            Assert.All(assignment.Entries, e => Assert.Equal(3, e.Judges.Distinct().Count()));
            Assert.All(assignment.Entries.SelectMany(e => e.Judges), j => Assert.StartsWith(category, j));
            assigned += assignment.Entries.Count;
        }
        Assert.Equal(demoEntries.Count, assigned);
    }
}
