using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitySpiritAwards.Web.Tests.Cluster;

/// <summary>
/// Cluster mode on real PostgreSQL: a campaign with phases seconds apart moves through them as the (fake) awards clock
/// passes each start, with the phase job firing on both silos at every step, as two Hangfire servers racing would.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ClusterScheduleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly ClusterSite _site;

    public ClusterScheduleTests(ServersFixture servers)
    {
        var clock = new AwardsClock(_clock);
        _site = new ClusterSite(servers, replaceServices: services => services.AddSingleton(clock));
    }

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    private IGrainFactory Grains => _site.First.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The phase job as Hangfire runs it, fired on both instances at the same moment.</summary>
    private Task BothSilosRunThePhaseJobAsync(string campaignId) => Task.WhenAll(
        _site.First.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAsync(campaignId),
        _site.Second.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAsync(campaignId));

    [Fact]
    public async Task Phases_seconds_apart_change_by_themselves_once_each_with_judges_assigned_and_the_shortlist_published()
    {
        var start = _clock.GetUtcNow();
        var schedule = new CampaignSchedule(CampaignSchedule.ScheduledPhases.Select((p, i) => new PhaseWindow(p, start.AddSeconds(5 * (i + 1)))).ToList());
        var campaign = Grains.GetGrain<ICampaignGrain>("cluster-spring");
        await campaign.CreateAsync(new NewCampaign(new LocalizedText("集群测试", "Cluster test"), new LocalizedText("测试", "Test"), schedule,
            CampaignSettings.Default with { JudgesPerEntry = 2, ShortlistSize = 1 }), "admin:test");
        for (var i = 0; i < 3; i++)
        {
            var draft = new NominationDraft(CategoryIds.Wisdom, "xuhui", $"候选人{i}", Relationships.Neighbour,
                "这位邻居十年来每周在社区图书室给孩子们讲科学小实验，还把实验材料整理成箱免费借给各家。", null, "n@example.org", 0);
            await Grains.GetGrain<INominationGrain>($"cluster-spring-{i}").ImportApprovedAsync(new NominationSubmission("cluster-spring", "resident", draft, []), "test");
        }
        foreach (var member in new[] { "m1", "m2", "m3" })
            await Grains.GetGrain<IPanelGrain>(JudgingKeys.For("cluster-spring", CategoryIds.Wisdom)).AddAsync(new PanelSeat(member, member), "test");

        var seen = new List<CampaignPhase>();
        foreach (var phase in new[] { CampaignPhase.Nominating, CampaignPhase.Screening, CampaignPhase.CommitteeScoring, CampaignPhase.PublicVoting })
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await BothSilosRunThePhaseJobAsync("cluster-spring");
            seen.Add((await _site.Second.Services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignGrain>("cluster-spring").GetAsync())!.Phase);
        }

        Assert.Equal([CampaignPhase.Nominating, CampaignPhase.Screening, CampaignPhase.CommitteeScoring, CampaignPhase.PublicVoting], seen);
        var changes = (await campaign.GetAuditLogAsync()).Where(e => e.Action.StartsWith("phase", StringComparison.Ordinal)).Select(e => e.Action).ToList();
        Assert.Equal(["phase → Nominating", "phase → Screening", "phase → CommitteeScoring", "phase → PublicVoting"], changes);
        var assignment = await Grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For("cluster-spring", CategoryIds.Wisdom)).GetAsync();
        Assert.Single(assignment!.History);
        Assert.All(assignment.Entries, e => Assert.Equal(2, e.Judges.Count));
        Assert.NotNull(await Grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor("cluster-spring", CategoryIds.Wisdom)).GetAsync());
    }
}
