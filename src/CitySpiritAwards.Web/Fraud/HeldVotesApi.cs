using System.Security.Claims;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Domain.Voting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Fraud;

/// <summary>A group to decide: one signal's waiting holds, from one network or (no network) from all.</summary>
public sealed record GroupDecisionRequest(FraudReason? Signal, string? Network, HoldDecision? Decision);

/// <summary>Dependencies of the held-vote endpoints.</summary>
public sealed record FraudReviewServices(FraudReview Review, FraudJob Job, IGrainFactory Grains, IStringLocalizer<SharedResource> Text)
{
    public ProblemHttpResult Closed(CampaignPhase phase) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: Text["Fraud.Refusal.ReviewClosed"], detail: Text[$"Phase.{phase}"],
        type: "urn:city-spirit-awards:review-closed");
}

/// <summary>
/// The administrators' review of held votes: <c>GET /api/admin/campaigns/{id}/held-votes</c> (groups and counts), clear or
/// confirm a group of at least <see cref="FraudOptions.MinimumGroup"/> holds, and a scan now. Administrators only; never
/// an account, a receipt or the entry a vote was for (see <see cref="HeldVotesView"/>).
/// </summary>
public static class HeldVotesApi
{
    public static void MapHeldVotesApi(this WebApplication app)
    {
        var api = app.MapGroup("api/admin/campaigns/{campaignId}/held-votes").RequireAuthorization(Roles.Administrator).WithTags("Fraud review");
        api.MapGet("", ListAsync)
            .WithSummary("Held votes counted per signal and network, with totals: waiting, confirmed, cleared, accounts, first and last vote (to the minute) — never an account or an entry.");
        api.MapPost("decide", DecideAsync)
            .WithSummary("Clears (counts again) or confirms as fraud every waiting hold of one signal, from one network or from all — only a group of at least Fraud:MinimumGroup votes (default 5). Idempotent.");
        api.MapPost("scan", ScanAsync)
            .WithSummary("Runs the fraud signals on the campaign now (as the minutely job does) and holds what they flag.");
    }

    private static async Task<Results<Ok<HeldVotesView>, ProblemHttpResult>> ListAsync(
        string campaignId, [AsParameters] FraudReviewServices services, CancellationToken ct) =>
        await services.Review.LoadAsync(campaignId, ct) is { } view ? TypedResults.Ok(view) : Problems.CampaignNotFound(services.Text, campaignId);

    private static async Task<Results<Ok<GroupDecisionResult>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string campaignId, GroupDecisionRequest request, ClaimsPrincipal user, [AsParameters] FraudReviewServices services, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        if (request.Signal is not { } signal || !Enum.IsDefined(signal))
            problems["signal"] = [services.Text["Fraud.Invalid.Signal"]];
        if (request.Decision is not { } decision || !Enum.IsDefined(decision))
            problems["decision"] = [services.Text["Fraud.Invalid.Decision"]];
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(problems, title: services.Text["Fraud.Invalid.Title"]);
        if (await OpenPhaseAsync(campaignId, services) is { } refusal)
            return refusal;
        var result = await services.Review.DecideAsync(campaignId, request.Signal!.Value, request.Network, request.Decision!.Value, user, ct);
        return result.TooSmall && result.Waiting > 0
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: services.Text["Fraud.Refusal.GroupTooSmall", services.Review.MinimumGroup],
                type: "urn:city-spirit-awards:group-too-small")
            : TypedResults.Ok(result);
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
            return Problems.CampaignNotFound(services.Text, campaignId);
        return VotingRules.FraudReviewOpen(campaign.Phase) ? null : services.Closed(campaign.Phase);
    }
}
