using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Tests.Support;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Storage.Repair;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitySpiritAwards.Grains.Tests.Nominations;

/// <summary>The nominations read table catches up after a crash between a grain's two writes, and is rebuilt from the grains.</summary>
[Collection(EmbeddedClusterCollection.Name)]
public sealed class ReadTableRepairTests(EmbeddedClusterFixture fixture)
{
    private ReadTableRepair Repair => new(EmbeddedClusterFixture.ReadTables, fixture.Grains, TimeProvider.System, NullLogger<ReadTableRepair>.Instance);

    private async Task<string> CampaignInScreeningAsync(params string[] names)
    {
        var id = TestData.UniqueId("campaign");
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
        await campaign.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");
        await campaign.AdvanceToAsync(CampaignPhase.Nominating, "admin:test");
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var outcome = await fixture.Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(id, $"resident-{i}"))
                .SubmitAsync($"n-{Guid.NewGuid():N}", TestData.Draft(name), []);
            Assert.True(outcome.Succeeded, outcome.Refusal);
        }
        await campaign.AdvanceToAsync(CampaignPhase.Screening, "admin:test");
        return id;
    }

    private async Task<IReadOnlyList<string>> IdsAsync(string campaignId) =>
        (await fixture.Nominations.ModerationAsync(campaignId, new ModerationFilter(Status: null), 1, 200)).Items.Select(n => n.Id).ToList();

    private static async Task<T> QueryAsync<T>(string sql, object parameters)
    {
        await using var connection = await EmbeddedClusterFixture.ReadTables.OpenAsync();
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    private static async Task<IReadOnlyList<string>> RowsAsync(string campaignId)
    {
        await using var connection = await EmbeddedClusterFixture.ReadTables.OpenAsync();
        return (await connection.QueryAsync<(string Id, string Name, string Status, string Consent, long? PublicSince, string History, long Version)>(
                "SELECT id, nominee_name, status, consent, public_since, history, version FROM nominations WHERE campaign_id = @CampaignId ORDER BY id",
                new { CampaignId = campaignId }))
            .Select(r => r.ToString()).ToList();
    }

    private static Task<long> PendingAsync(string nominationId) =>
        QueryAsync<long>("SELECT count(*) FROM read_model_outbox WHERE kind = 'nomination' AND id = @Id", new { Id = nominationId });

    [Fact]
    public async Task A_change_stored_without_its_row_is_marked_pending_and_the_catch_up_writes_the_row()
    {
        var campaignId = await CampaignInScreeningAsync("钱阿婆");
        var id = Assert.Single(await IdsAsync(campaignId));
        var nomination = fixture.Grains.GetGrain<INominationGrain>(id);
        fixture.NominationIndex.FailRowWritesOf(id); // the silo "crashes" between the grain's write and the row's

        var approved = await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);
        var rowBefore = await QueryAsync<string>("SELECT status FROM nominations WHERE id = @Id", new { Id = id });
        var pendingBefore = await PendingAsync(id);
        fixture.NominationIndex.Heal(id);
        var asked = await Repair.CatchUpAsync(TimeSpan.Zero);

        Assert.True(approved.Succeeded);
        Assert.Equal(NominationStatus.Approved, (await nomination.GetAsync())!.Status); // stored in the grain
        Assert.Equal("Submitted", rowBefore);                                          // not (yet) in the table
        Assert.Equal(1, pendingBefore);
        Assert.True(asked >= 1);
        Assert.Equal("Approved", await QueryAsync<string>("SELECT status FROM nominations WHERE id = @Id", new { Id = id }));
        Assert.Equal(0, await PendingAsync(id));
    }

    [Fact]
    public async Task A_pending_mark_for_a_nomination_never_stored_is_forgotten()
    {
        var id = TestData.UniqueId("never-stored");
        await fixture.NominationIndex.MarkPendingAsync(id); // marked, then the silo died before the grain's first write

        await Repair.CatchUpAsync(TimeSpan.Zero);

        Assert.Equal(0, await PendingAsync(id));
        Assert.Equal(0, await QueryAsync<long>("SELECT count(*) FROM nominations WHERE id = @Id", new { Id = id }));
    }

    [Fact]
    public async Task A_young_pending_mark_is_left_to_the_change_still_in_progress()
    {
        var id = TestData.UniqueId("in-progress");
        await fixture.NominationIndex.MarkPendingAsync(id);

        await Repair.CatchUpAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await PendingAsync(id));
        await Repair.CatchUpAsync(TimeSpan.Zero); // leave the table as other tests expect it
    }

    [Fact]
    public async Task A_rebuild_from_the_grains_gives_back_exactly_the_rows_a_wrong_projection_spoiled()
    {
        var campaignId = await CampaignInScreeningAsync("孙老师", "周师傅", "吴 阿姨");
        var ids = await IdsAsync(campaignId);
        var first = fixture.Grains.GetGrain<INominationGrain>(ids[0]);
        await first.ConsentAsync(ConsentAction.Give, round: 0);
        await first.ModerateAsync(ModerationAction.Approve, "moderator-1", null);
        await fixture.Grains.GetGrain<INominationGrain>(ids[1]).ModerateAsync(ModerationAction.Reject, "moderator-1", "无法核实");
        var before = await RowsAsync(campaignId);
        await using (var connection = await EmbeddedClusterFixture.ReadTables.OpenAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE nominations SET nominee_name = 'x', status = 'Hidden', public_since = NULL, history = '[]' WHERE campaign_id = @CampaignId",
                new { CampaignId = campaignId });
        }
        Assert.NotEqual(before, await RowsAsync(campaignId));

        var rebuilt = await Repair.RebuildAsync();

        Assert.True(rebuilt >= 3);
        Assert.Equal(before, await RowsAsync(campaignId));
    }
}
