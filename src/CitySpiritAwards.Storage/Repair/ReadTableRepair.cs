using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Grains.Judging;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Storage.Nominations;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CitySpiritAwards.Storage.Repair;

/// <summary>
/// Brings the read tables back in line with the grains: the catch-up after a crash between a grain's write and its
/// row's (from the outbox, so its cost follows what was interrupted), the rebuild after a projection bug, and the
/// upgrade of campaigns stored before the tables existed. Every step asks grains to write their own rows, which is
/// idempotent, so running any of them twice or on two silos at once does no harm.
/// </summary>
public sealed class ReadTableRepair(ReadTables tables, IGrainFactory grains, TimeProvider time, ILogger<ReadTableRepair> logger)
{
    private const int Batch = 500;
    private const int Parallel = 8;

    /// <summary>
    /// Asks each grain whose pending mark is at least <paramref name="minimumAge"/> old (younger marks belong to changes
    /// still in progress) to write its rows. Returns how many were asked.
    /// </summary>
    public async Task<int> CatchUpAsync(TimeSpan minimumAge, CancellationToken cancellationToken = default)
    {
        var cutoff = (time.GetUtcNow() - minimumAge).ToUnixTimeMilliseconds();
        var asked = 0;
        foreach (var kind in Kinds.Keys)
            asked += await ForEachAsync(kind, "SELECT id FROM read_model_outbox WHERE kind = @Kind AND since <= @Cutoff AND id > @After ORDER BY id LIMIT @Take",
                new { Kind = kind, Cutoff = cutoff }, cancellationToken);
        if (asked > 0)
            logger.LogInformation("Read tables: {Count} grains were asked to write rows a crash had left unwritten", asked);
        return asked;
    }

    /// <summary>
    /// Writes every row again from its grain: every nomination, assignment and member's sheets the tables know, and those
    /// still pending (which is all of them: a grain's pending mark is written before it is first stored, and cleared
    /// only with its rows); then counts every campaign's nominations and judging again.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var rows = await ForEachAsync(NominationIndex.OutboxKind, "SELECT id FROM nominations WHERE id > @After ORDER BY id LIMIT @Take", new { }, cancellationToken);
        rows += await ForEachAsync(IJudgingIndex.AssignmentKind, """
            SELECT id FROM (SELECT campaign_id || '/' || category_id AS id FROM judgings) AS k WHERE id > @After ORDER BY id LIMIT @Take
            """, new { }, cancellationToken);
        rows += await ForEachAsync(IJudgingIndex.ScoresKind, """
            SELECT DISTINCT id FROM (SELECT campaign_id || '/' || member_id AS id FROM score_sheets) AS k WHERE id > @After ORDER BY id LIMIT @Take
            """, new { }, cancellationToken);
        var pending = await CatchUpAsync(TimeSpan.Zero, cancellationToken);
        await new NominationIndex(tables, time).RecountAsync(cancellationToken); // rows repaired by hand or by a wrong projection moved no counts
        await new JudgingIndex(tables, time).RecountAsync(cancellationToken);
        logger.LogInformation("Read tables rebuilt: {Count} grains wrote their rows again", rows + pending);
        return rows + pending;
    }

    /// <summary>
    /// Campaigns stored before the read tables listed their nominations themselves: each of those writes its row once,
    /// then the campaign forgets the list. Nothing to do for campaigns made since.
    /// </summary>
    public async Task<int> UpgradeLegacyCampaignsAsync(CancellationToken cancellationToken = default)
    {
        var asked = 0;
        foreach (var campaignId in await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync())
        {
            var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
            var ids = await campaign.LegacyNominationIdsAsync();
            if (ids.Count == 0)
                continue;
            await RefreshAsync(NominationIndex.OutboxKind, ids, cancellationToken);
            await campaign.ForgetLegacyNominationIdsAsync();
            asked += ids.Count;
            logger.LogInformation("Read tables: wrote the rows of campaign {CampaignId}'s {Count} earlier nominations", campaignId, ids.Count);
        }
        return asked;
    }

    /// <summary>How each kind of outbox key is refreshed: by asking its grain to write its rows.</summary>
    private static readonly Dictionary<string, Func<IGrainFactory, string, Task>> Kinds = new()
    {
        [NominationIndex.OutboxKind] = (grains, id) => grains.GetGrain<INominationGrain>(id).RefreshIndexAsync(),
        [IJudgingIndex.AssignmentKind] = (grains, key) => grains.GetGrain<IJudgeAssignmentGrain>(key).RefreshIndexAsync(),
        [IJudgingIndex.ScoresKind] = (grains, key) => grains.GetGrain<IMemberScoresGrain>(key).RefreshIndexAsync(),
    };

    /// <summary>Pages through the keys a query returns (keyset on id, <c>@After</c> and <c>@Take</c>) and refreshes each page.</summary>
    private async Task<int> ForEachAsync(string kind, string sql, object parameters, CancellationToken cancellationToken)
    {
        var count = 0;
        var after = "";
        while (true)
        {
            List<string> ids;
            await using (var connection = await tables.OpenAsync(cancellationToken))
            {
                var arguments = new DynamicParameters(parameters);
                arguments.AddDynamicParams(new { After = after, Take = Batch });
                ids = (await connection.QueryAsync<string>(new CommandDefinition(sql, arguments, cancellationToken: cancellationToken))).ToList();
            }
            await RefreshAsync(kind, ids, cancellationToken);
            count += ids.Count;
            if (ids.Count < Batch)
                return count;
            after = ids[^1];
        }
    }

    private Task RefreshAsync(string kind, IEnumerable<string> ids, CancellationToken cancellationToken) =>
        System.Threading.Tasks.Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (id, _) => await Kinds[kind](grains, id));
}
