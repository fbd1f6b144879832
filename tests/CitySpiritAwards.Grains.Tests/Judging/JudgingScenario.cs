using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Judging;

/// <summary>A campaign of its own with approved, consenting entries in the Excellence category and a panel.</summary>
internal sealed class JudgingScenario(IGrainFactory grains, string campaignId)
{
    public const string Category = CategoryIds.Excellence;

    public string CampaignId { get; } = campaignId;

    public static async Task<JudgingScenario> StartAsync(IGrainFactory grains, int judgesPerEntry = 2, int shortlistSize = 5, DateTimeOffset? scheduleStart = null)
    {
        var id = TestData.UniqueId("judging");
        var campaign = TestData.Campaign(scheduleStart ?? EmbeddedClusterFixture.Clock.GetUtcNow()) with
        {
            Settings = CampaignSettings.Default with { JudgesPerEntry = judgesPerEntry, ShortlistSize = shortlistSize },
        };
        await grains.GetGrain<ICampaignGrain>(id).CreateAsync(campaign, "admin:test");
        await grains.GetGrain<ICategoryGrain>(Category).DefineAsync(TestData.Category(Category));
        return new JudgingScenario(grains, id);
    }

    public async Task AdvanceToAsync(CampaignPhase phase)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(CampaignId);
        for (var next = PhaseRules.Next((await campaign.GetAsync())!.Phase); next is not null && next <= phase; next = PhaseRules.Next(next.Value))
            await campaign.AdvanceToAsync(next.Value, "admin:test");
    }

    /// <summary>Approved entries whose nominees consented, ids "{prefix}-1".. in this campaign.</summary>
    public async Task<IReadOnlyList<string>> EntriesAsync(int count, string nominator = "resident", string prefix = "entry")
    {
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var id = $"{CampaignId}-{prefix}-{i:00}";
            await grains.GetGrain<INominationGrain>(id).ImportApprovedAsync(
                new NominationSubmission(CampaignId, nominator, TestData.Draft($"候选人{i}"), []), "test");
            ids.Add(id);
        }
        return ids;
    }

    public async Task PanelAsync(params string[] members)
    {
        foreach (var member in members)
            Assert.True((await Panel.AddAsync(new PanelSeat(member, member), "chair:test")).Succeeded);
    }

    public IPanelGrain Panel => grains.GetGrain<IPanelGrain>(JudgingKeys.For(CampaignId, Category));

    public IJudgeAssignmentGrain Assignment => grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(CampaignId, Category));

    public IMemberScoresGrain Scores(string member) => grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For(CampaignId, member));

    public ICommitteeShortlistGrain Shortlist => grains.GetGrain<ICommitteeShortlistGrain>(JudgingKeys.For(CampaignId, Category));

    /// <summary>Marks on the test rubric (embodiment 40, impact 30, sustained 20, evidence 10), all the same.</summary>
    public static Dictionary<string, int> Marks(int mark) => new()
    {
        ["embodiment"] = mark, ["impact"] = mark, ["sustained"] = mark, ["evidence"] = mark,
    };

    public Task<ScoreOutcome> SubmitAsync(string member, string entry, int mark) =>
        Scores(member).SaveAsync(entry, Marks(mark), null, SheetAction.Submit);
}
