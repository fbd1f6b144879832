using System.Security.Claims;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Web.Fraud;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Tallying;

/// <summary>One entry of a published ranking: public nomination data only (the name and district while the nomination is public).</summary>
public sealed record PublishedStanding(
    int Rank, string EntryId, string? NomineeName, string? DistrictId,
    decimal CommitteeRawScore, int CommitteeScoreCount, double CommitteeNormalizedScore,
    long Votes, double CommitteePoints, double PublicPoints, double FinalScore);

public sealed record PublishedCategory(string CategoryId, string? WinnerId, IReadOnlyList<PublishedStanding> Ranking);

/// <summary>A campaign's published results: final scores are points out of 100 (committee points + public points).</summary>
public sealed record PublishedResults(
    string CampaignId, int CommitteeWeightPercent, int PublicWeightPercent, DateTimeOffset? PublishedAt, IReadOnlyList<PublishedCategory> Categories)
{
    public static PublishedResults From(ResultsView view) => new(
        view.Campaign.Id, view.Results.CommitteeWeightPercent, view.Results.PublicWeightPercent, view.Results.PublishedAt,
        view.Categories.Select(c => new PublishedCategory(c.CategoryId, c.Winner?.Standing.EntryId, c.Standings.Select(s => new PublishedStanding(
            s.Standing.Rank, s.Standing.EntryId, s.Nominee?.NomineeName, s.Nominee?.DistrictId,
            s.Standing.RawScore, s.Standing.ScoreCount, s.Standing.NormalizedScore,
            s.Standing.Votes, s.Standing.CommitteePoints, s.Standing.PublicPoints, s.Standing.FinalPoints)).ToList())).ToList());
}

public static class ResultsApi
{
    public static void MapResultsApi(this WebApplication app)
    {
        app.MapGet("api/campaigns/{campaignId}/results", PublishedAsync).WithTags("Results")
            .WithSummary("The campaign's published results: per award the ranking with committee and public points and the winner (404 until published).");

        var admin = app.MapGroup("api/admin/campaigns/{campaignId}").RequireAuthorization(Roles.Administrator).WithTags("Administration");
        admin.MapGet("results", ComputedAsync).WithSummary("The results as computed, published or not, with who computed and published them and when.");
        admin.MapPost("results/recompute", RecomputeAsync)
            .WithSummary("Computes the results again from the votes counted now (e.g. after held votes were cleared). Only while the campaign is in Tallying.");
        admin.MapPost("results/publish", PublishAsync)
            .WithSummary("Publishes the results now: moves the campaign from Tallying to Published. Asking again changes nothing.");
        admin.MapGet("results.csv", ResultsCsvAsync)
            .WithSummary("The results as CSV (UTF-8 with BOM, for Excel): per award the ranking with committee score and count, z-score, votes and points. Published or not.");
        admin.MapGet("votes.csv", VotesCsvAsync)
            .WithSummary("Anonymised votes as CSV: per entry and Shanghai calendar day, the votes counted, held for review and withdrawn (held and withdrawn counts below Fraud:MinimumGroup read \"<5\"). Never a voter or a receipt.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ResultsCsvAsync(
        string campaignId, HttpContext http, [AsParameters] ResultsServices services)
    {
        if (await services.Grains.GetGrain<Abstractions.Campaigns.ICampaignGrain>(campaignId).GetAsync() is null)
            return Problems.CampaignNotFound(services.Text, campaignId);
        if (await services.ResultsOf(campaignId).GetAsync() is not { } results)
            return services.NotComputed();
        var nominations = await services.NominationsAsync(results.Categories.SelectMany(c => c.Standings.Select(s => s.EntryId)));
        return CsvFile(http, $"results-{campaignId}.csv", ResultsCsv.Results(results, nominations, services.Text, services.Names, Culture));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> VotesCsvAsync(
        string campaignId, HttpContext http, IVoteExport export, IOptions<FraudOptions> fraud, [AsParameters] ResultsServices services, CancellationToken ct)
    {
        if (await services.Grains.GetGrain<Abstractions.Campaigns.ICampaignGrain>(campaignId).GetAsync() is null)
            return Problems.CampaignNotFound(services.Text, campaignId);
        var days = VoteDays.Fold(await export.LoadHourlyAsync(campaignId, ct));
        var nominations = await services.NominationsAsync(days.Select(d => d.EntryId).Distinct());
        return CsvFile(http, $"votes-{campaignId}.csv", ResultsCsv.Votes(days, nominations, services.Text, services.Names, Culture, fraud.Value.MinimumGroup));
    }

    private static string Culture => System.Globalization.CultureInfo.CurrentUICulture.Name;

    private static FileContentHttpResult CsvFile(HttpContext http, string fileName, byte[] content)
    {
        http.Response.Headers.CacheControl = "no-store"; // for administrators only: no shared cache keeps a copy
        return TypedResults.File(content, "text/csv; charset=utf-8", fileName);
    }

    private static async Task<Results<Ok<PublishedResults>, ProblemHttpResult>> PublishedAsync(
        string campaignId, ClaimsPrincipal user, [AsParameters] ResultsServices services)
    {
        var (access, _, view) = await services.LoadAsync(campaignId, user);
        return access switch
        {
            ResultsAccess.NoSuchCampaign => Problems.CampaignNotFound(services.Text, campaignId),
            ResultsAccess.Public => TypedResults.Ok(PublishedResults.From(view!)),
            _ => services.NotPublished(), // administrators read previews through the administration API
        };
    }

    private static async Task<Results<Ok<CampaignResults>, ProblemHttpResult>> ComputedAsync(string campaignId, [AsParameters] ResultsServices services)
    {
        if (await services.Grains.GetGrain<Abstractions.Campaigns.ICampaignGrain>(campaignId).GetAsync() is null)
            return Problems.CampaignNotFound(services.Text, campaignId);
        return await services.ResultsOf(campaignId).GetAsync() is { } results ? TypedResults.Ok(results) : services.NotComputed();
    }

    private static async Task<Results<Ok<CampaignResults>, ProblemHttpResult>> RecomputeAsync(
        string campaignId, ClaimsPrincipal user, [AsParameters] ResultsServices services) =>
        Answer(await services.RecomputeAsync(campaignId, user), services);

    private static async Task<Results<Ok<CampaignResults>, ProblemHttpResult>> PublishAsync(
        string campaignId, ClaimsPrincipal user, [AsParameters] ResultsServices services) =>
        Answer(await services.PublishAsync(campaignId, user), services);

    private static Results<Ok<CampaignResults>, ProblemHttpResult> Answer(ResultsOutcome outcome, ResultsServices services) =>
        outcome.Refusal is { } refusal ? services.Problem(refusal) : TypedResults.Ok(outcome.Results!);
}
