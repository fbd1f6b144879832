using System.Security.Claims;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Apis;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Fraud;

/// <summary>Several holds decided at once (e.g. a whole burst).</summary>
public sealed record HoldDecisionsRequest(HoldDecision? Decision, IReadOnlyList<string>? HoldIds);

public enum HoldDecisionOutcome
{
    /// <summary>This request decided it.</summary>
    Decided,
    /// <summary>It already had this decision: nothing changed.</summary>
    Unchanged,
    /// <summary>It already had the other decision, which stands.</summary>
    Conflict,
    NotFound,
}

public sealed record HoldDecisionView(string HoldId, HoldDecisionOutcome Outcome, HoldDecision? Decision)
{
    public static HoldDecisionView From(DecisionResult result, HoldDecision asked) => new(
        result.HoldId,
        !result.Exists ? HoldDecisionOutcome.NotFound
            : result.Changed ? HoldDecisionOutcome.Decided
            : result.Current == asked ? HoldDecisionOutcome.Unchanged
            : HoldDecisionOutcome.Conflict,
        result.Current);
}

/// <summary>Dependencies of the held-vote endpoints.</summary>
public sealed record FraudReviewServices(FraudReview Review, FraudJob Job, IGrainFactory Grains, IStringLocalizer<SharedResource> Text)
{
    /// <summary>Votes are held and decided while voting is open and during Tallying; once results are published they stay as they are.</summary>
    public static bool IsOpen(CampaignPhase phase) => phase is CampaignPhase.PublicVoting or CampaignPhase.Tallying;

    public ProblemHttpResult Closed(CampaignPhase phase) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: Text["Fraud.Refusal.ReviewClosed"], detail: Text[$"Phase.{phase}"],
        type: "urn:city-spirit-awards:review-closed");
}

/// <summary>
/// The administrators' review of held votes: <c>GET /api/admin/campaigns/{id}/held-votes</c>, clear or confirm one hold or
/// many, and a scan now. Administrators only; never the entry a vote was for (see <see cref="HeldVotesView"/>).
/// </summary>
public static class HeldVotesApi
{
    public static void MapHeldVotesApi(this WebApplication app)
    {
        var api = app.MapGroup("api/admin/campaigns/{campaignId}/held-votes").RequireAuthorization(Roles.Administrator).WithTags("Fraud review");
        api.MapGet("", ListAsync)
            .WithSummary("Held votes grouped by signal, with totals; each vote's time (to the minute), network, account id and age — never the entry.");
        api.MapPost("{holdId}/clear", (string campaignId, string holdId, ClaimsPrincipal user, [AsParameters] FraudReviewServices services, CancellationToken ct) =>
                DecideOneAsync(campaignId, holdId, HoldDecision.Cleared, user, services, ct))
            .WithSummary("Counts a held vote: it is no longer held and its entry's tally goes up by one, in one transaction. Idempotent.");
        api.MapPost("{holdId}/confirm", (string campaignId, string holdId, ClaimsPrincipal user, [AsParameters] FraudReviewServices services, CancellationToken ct) =>
                DecideOneAsync(campaignId, holdId, HoldDecision.Confirmed, user, services, ct))
            .WithSummary("Confirms a held vote as fraud: it stays held and is not flagged again. Idempotent.");
        api.MapPost("decisions", DecideManyAsync)
            .WithSummary($"Clears or confirms up to {FraudReview.MaxBatch} holds at once; one outcome per hold.");
        api.MapPost("scan", ScanAsync)
            .WithSummary("Runs the fraud signals on the campaign now (as the minutely job does) and holds what they flag.");
    }

    private static async Task<Results<Ok<HeldVotesView>, ProblemHttpResult>> ListAsync(
        string campaignId, [AsParameters] FraudReviewServices services, CancellationToken ct) =>
        await services.Review.LoadAsync(campaignId, ct) is { } view ? TypedResults.Ok(view) : CampaignsApi.CampaignNotFound(campaignId);

    private static async Task<Results<Ok<HoldDecisionView>, ProblemHttpResult>> DecideOneAsync(
        string campaignId, string holdId, HoldDecision decision, ClaimsPrincipal user, FraudReviewServices services, CancellationToken ct)
    {
        if (await OpenPhaseAsync(campaignId, services) is { } refusal)
            return refusal;
        var result = HoldDecisionView.From((await services.Review.DecideAsync(campaignId, [holdId], decision, user, ct)).Single(), decision);
        return result.Outcome switch
        {
            HoldDecisionOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: services.Text["Fraud.Refusal.NoSuchHold"], type: "urn:city-spirit-awards:no-such-hold"),
            HoldDecisionOutcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: services.Text["Fraud.Refusal.AlreadyDecided"], detail: services.Text[$"Fraud.Decision.{result.Decision}"],
                type: "urn:city-spirit-awards:already-decided"),
            _ => TypedResults.Ok(result),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<HoldDecisionView>>, ValidationProblem, ProblemHttpResult>> DecideManyAsync(
        string campaignId, HoldDecisionsRequest request, ClaimsPrincipal user, [AsParameters] FraudReviewServices services, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        if (request.Decision is null)
            problems["decision"] = [services.Text["Fraud.Invalid.Decision"]];
        if (request.HoldIds is not { Count: > 0 and <= FraudReview.MaxBatch } ids || ids.Any(string.IsNullOrWhiteSpace))
            problems["holdIds"] = [services.Text["Fraud.Invalid.HoldIds", FraudReview.MaxBatch]];
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(problems, title: services.Text["Fraud.Invalid.Title"]);
        if (await OpenPhaseAsync(campaignId, services) is { } refusal)
            return refusal;
        var decision = request.Decision!.Value;
        var results = await services.Review.DecideAsync(campaignId, request.HoldIds!, decision, user, ct);
        return TypedResults.Ok<IReadOnlyList<HoldDecisionView>>(results.Select(r => HoldDecisionView.From(r, decision)).ToList());
    }

    private static async Task<Results<Ok<FraudScan>, ProblemHttpResult>> ScanAsync(string campaignId, [AsParameters] FraudReviewServices services)
    {
        if (await OpenPhaseAsync(campaignId, services) is { } refusal)
            return refusal;
        return TypedResults.Ok((await services.Job.ScanAsync(campaignId))!);
    }

    /// <summary>Null when the campaign exists and its votes may be held and decided now; otherwise the problem to answer.</summary>
    private static async Task<ProblemHttpResult?> OpenPhaseAsync(string campaignId, FraudReviewServices services)
    {
        var campaign = await services.Grains.GetGrain<Abstractions.Campaigns.ICampaignGrain>(campaignId).GetAsync();
        if (campaign is null)
            return CampaignsApi.CampaignNotFound(campaignId);
        return FraudReviewServices.IsOpen(campaign.Phase) ? null : services.Closed(campaign.Phase);
    }
}
