using System.Security.Claims;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Voting;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CitySpiritAwards.Web.Voting;

/// <summary>
/// BENCHMARK ONLY (bench/CitySpiritAwards.Bench), mapped only when <c>Voting:BenchEndpoints</c> is true and only in
/// cluster mode; never enable it in production.
/// <list type="bullet">
/// <item><c>POST /api/bench/campaigns/{id}/shortlists/{categoryId}</c> (administrators): publishes a shortlist, standing in
/// for the committee side, which has no endpoint of its own yet.</item>
/// <item><c>GET /api/bench/writer</c> (administrators): how many transactions this silo's vote writer committed, and how many votes in them.</item>
/// <item><c>POST /api/bench/baseline/campaigns/{id}/votes</c> (residents): the BASELINE the benchmark compares against — the
/// straightforward design: per request, one database transaction that checks the voter's count in the category, inserts
/// the vote and adds one to the entry's counter row. Same site, same authentication and rules cache as the real
/// endpoint, its own tables (bench_baseline_votes, bench_baseline_tallies). Its limit check is not race-free.</item>
/// </list>
/// </summary>
public static class BenchEndpoints
{
    public const string Setting = "Voting:BenchEndpoints";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS bench_baseline_votes
        (
            receipt     text        NOT NULL PRIMARY KEY,
            campaign_id text        NOT NULL,
            voter_id    text        NOT NULL,
            category_id text        NOT NULL,
            entry_id    text        NOT NULL,
            voted_at    timestamptz NOT NULL,
            UNIQUE (campaign_id, voter_id, entry_id)
        );
        CREATE TABLE IF NOT EXISTS bench_baseline_tallies
        (
            campaign_id text   NOT NULL,
            entry_id    text   NOT NULL,
            votes       bigint NOT NULL,
            PRIMARY KEY (campaign_id, entry_id)
        );
        """;

    public sealed record ShortlistRequest(IReadOnlyList<string> EntryIds);

    public static void MapBenchEndpoints(this WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<HostingOptions>();
        if (!app.Configuration.GetValue<bool>(Setting) || hosting.IsEmbedded)
            return;
        // Prepared statements as for the real votes, so the comparison is of the designs, not of the connection settings.
        var database = VotingExtensions.VoteDatabase(HostingOptions.PostgresConnectionString(app.Configuration));
        using (var create = database.CreateCommand(Schema))
            create.ExecuteNonQuery();

        var bench = app.MapGroup("api/bench").WithTags("Benchmark only").ExcludeFromDescription();
        bench.MapPost("campaigns/{campaignId}/shortlists/{categoryId}", async (string campaignId, string categoryId, ShortlistRequest request, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, categoryId))
                .PublishAsync(request.EntryIds.Select((id, i) => new ShortlistedEntry(id, i + 1, 0, 0, 0)).ToList(), "bench")))
            .RequireAuthorization(Roles.Administrator);
        bench.MapGet("writer", (VoteWriter writer) => TypedResults.Ok(new { writer.Totals.Batches, writer.Totals.Writes }))
            .RequireAuthorization(Roles.Administrator);
        bench.MapPost("baseline/campaigns/{campaignId}/votes", (string campaignId, VoteRequest request, ClaimsPrincipal user, VotingCatalog catalog) =>
                BaselineVoteAsync(campaignId, request, user, catalog, database))
            .RequireAuthorization(Roles.Resident)
            .RequireRateLimiting(VoteRateLimiterPolicy.Name);
    }

    private static async Task<Results<Created<VoteView>, Ok<VoteView>, ProblemHttpResult>> BaselineVoteAsync(
        string campaignId, VoteRequest request, ClaimsPrincipal user, VotingCatalog catalog, NpgsqlDataSource database)
    {
        var voting = await catalog.GetAsync(campaignId);
        var entryId = request.EntryId ?? "";
        if (voting is null || !voting.Context.IsOpenAt(DateTimeOffset.UtcNow))
            return TypedResults.Problem(statusCode: 409, type: $"urn:city-spirit-awards:{VoteRefusals.VotingClosed}");
        if (!voting.Context.CategoryOfEntry.TryGetValue(entryId, out var category))
            return TypedResults.Problem(statusCode: 404, type: $"urn:city-spirit-awards:{VoteRefusals.NotShortlisted}");
        var voter = user.UserId();

        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO bench_baseline_votes (receipt, campaign_id, voter_id, category_id, entry_id, voted_at)
            SELECT $1, $2, $3, $4, $5, now()
            WHERE (SELECT count(*) FROM bench_baseline_votes WHERE campaign_id = $2 AND voter_id = $3 AND category_id = $4) < $6
            ON CONFLICT (campaign_id, voter_id, entry_id) DO NOTHING
            RETURNING receipt
            """, connection, transaction);
        var receipt = VoteReceipts.New();
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = receipt });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = voter });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = category });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entryId });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = voting.Campaign.Settings.VotesPerCategory });
        if (await insert.ExecuteScalarAsync() is null)
        {
            await transaction.RollbackAsync();
            return TypedResults.Problem(statusCode: 409, type: $"urn:city-spirit-awards:{VoteRefusals.LimitReached}");
        }
        await using var count = new NpgsqlCommand("""
            INSERT INTO bench_baseline_tallies (campaign_id, entry_id, votes) VALUES ($1, $2, 1)
            ON CONFLICT (campaign_id, entry_id) DO UPDATE SET votes = bench_baseline_tallies.votes + 1
            """, connection, transaction);
        count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        count.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entryId });
        await count.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return TypedResults.Created($"/api/votes/receipts/{receipt}", new VoteView(receipt, campaignId, category, entryId, VoteStatus.Counted));
    }
}
