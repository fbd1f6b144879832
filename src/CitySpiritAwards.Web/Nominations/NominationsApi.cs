using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>A nomination as its nominator sees it: everything they entered, its status and history.</summary>
public sealed record OwnNomination(string Id, string CampaignId, NominationDraft Draft, NominationStatus Status, NomineeConsent Consent, string? ModeratorNote, IReadOnlyList<NominationEvent> History)
{
    public static OwnNomination From(NominationView n) => new(n.Id, n.CampaignId, n.Draft, n.Status, n.Consent, n.ModeratorNote, n.History);
}

public sealed record ModerationRequest(ModerationAction Action, string? Reason);
public sealed record ConsentRequest(ConsentAction Action);

/// <summary>Dependencies every nomination endpoint and page uses.</summary>
public sealed record NominationServices(IGrainFactory Grains, IStringLocalizer<SharedResource> Text, AccountMailer Mailer, ConsentLinks ConsentLinks, AwardsClock Clock)
{
    /// <summary>
    /// Submits through the resident's quota grain and, the first time only, emails the nominee their consent link.
    /// The page and the API both nominate through here.
    /// </summary>
    public async Task<NominationOutcome> SubmitAsync(string campaignId, string residentId, string nominationId, NominationDraft draft, HttpContext http, CancellationToken ct)
    {
        var existed = await Grains.GetGrain<INominationGrain>(nominationId).GetAsync() is not null;
        var outcome = await Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, residentId)).SubmitAsync(nominationId, draft);
        if (outcome.Succeeded && !existed)
            await Mailer.SendNomineeConsentAsync(outcome.Nomination!.Draft.NomineeEmail, ConsentLinks.PathFor(outcome.Nomination.Id, Clock.UtcNow), http, ct);
        return outcome;
    }
}

public static class NominationsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapNominationsApi(this WebApplication app)
    {
        var residents = app.MapGroup("api").RequireAuthorization(Roles.Resident).WithTags("Nominations");
        residents.MapPost("campaigns/{campaignId}/nominations", SubmitAsync)
            .WithSummary($"Nominates a neighbour. Send a new random {IdempotencyHeader} per nomination: repeating it (a double click) returns the same nomination.");
        residents.MapGet("campaigns/{campaignId}/nominations/mine", MineAsync).WithSummary("The signed-in resident's nominations in a campaign, with status and history.");
        residents.MapPost("nominations/{id}/withdraw", WithdrawAsync).WithSummary("Withdraws one's own nomination before screening.");

        app.MapGroup("api/nominations").RequireAuthorization(Roles.Moderator).WithTags("Moderation")
            .MapPost("{id}/moderation", ModerateAsync).WithSummary("Approves, rejects (with a reason), requests changes or hides a nomination.");

        var consent = app.MapGroup("api/consent").WithTags("Consent").AllowAnonymous();
        consent.MapPost("{token}", ConsentAsync).WithSummary("The nominee's answer, with the token from the emailed link.");
    }

    private static async Task<Results<Created<OwnNomination>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string campaignId, NominationDraft draft, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user, HttpContext http, [AsParameters] NominationServices services, CancellationToken ct)
    {
        if (!Guid.TryParse(idempotencyKey, out var key))
            return TypedResults.Problem(statusCode: 400, title: "Idempotency-Key header required / 缺少 Idempotency-Key",
                detail: $"Send a new random GUID in the {IdempotencyHeader} header for each nomination.");

        var outcome = await services.SubmitAsync(campaignId, UserId(user), key.ToString("N"), draft, http, ct);
        if (Failure(outcome, services.Text) is { } failure)
            return failure.AsSubmitResult();

        return TypedResults.Created($"/api/campaigns/{campaignId}/nominations/mine", OwnNomination.From(outcome.Nomination!));
    }

    private static async Task<Ok<IReadOnlyList<OwnNomination>>> MineAsync(string campaignId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<OwnNomination>>(
            (await grains.LoadResidentNominationsAsync(campaignId, UserId(user))).Select(OwnNomination.From).ToList());

    private static async Task<Results<Ok<OwnNomination>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        string id, ClaimsPrincipal user, [AsParameters] NominationServices services)
    {
        var outcome = await services.Grains.GetGrain<INominationGrain>(id).WithdrawAsync(UserId(user));
        return Failure(outcome, services.Text) is { } failure ? failure.AsResult<OwnNomination>() : TypedResults.Ok(OwnNomination.From(outcome.Nomination!));
    }

    private static async Task<Results<Ok<NominationStatus>, ValidationProblem, ProblemHttpResult>> ModerateAsync(
        string id, ModerationRequest request, ClaimsPrincipal user, [AsParameters] NominationServices services)
    {
        var outcome = await services.Grains.GetGrain<INominationGrain>(id).ModerateAsync(request.Action, $"moderator:{user.Identity?.Name}", request.Reason);
        return Failure(outcome, services.Text) is { } failure ? failure.AsResult<NominationStatus>() : TypedResults.Ok(outcome.Nomination!.Status);
    }

    private static async Task<Results<Ok<NomineeConsent>, ValidationProblem, ProblemHttpResult>> ConsentAsync(
        string token, ConsentRequest request, [AsParameters] NominationServices services)
    {
        if (services.ConsentLinks.ReadToken(token) is not { } id)
            return TypedResults.Problem(statusCode: 404, title: services.Text["Consent.InvalidLink"]);
        var outcome = await services.Grains.GetGrain<INominationGrain>(id).ConsentAsync(request.Action);
        return Failure(outcome, services.Text) is { } failure ? failure.AsResult<NomineeConsent>() : TypedResults.Ok(outcome.Nomination!.Consent);
    }

    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has no id claim.");

    /// <summary>A refused or invalid outcome as problem+json in the reader's language; null when it succeeded.</summary>
    public static Failed? Failure(NominationOutcome outcome, IStringLocalizer text)
    {
        if (outcome.Problems.Count > 0)
        {
            var errors = outcome.Problems
                .GroupBy(p => JsonNamingPolicy.CamelCase.ConvertName(p.Field))
                .ToDictionary(g => g.Key, g => g.Select(p => Message(p, text)).ToArray());
            return new Failed(TypedResults.ValidationProblem(errors, title: text["Nomination.Invalid.Title"]), null);
        }
        if (outcome.Refusal is { } refusal)
        {
            var status = refusal == RefusalCodes.NotFound ? 404 : refusal == RefusalCodes.NotYours ? 403 : 409;
            return new Failed(null, TypedResults.Problem(statusCode: status, title: text[$"Nomination.Refusal.{refusal}"], type: $"urn:city-spirit-awards:{refusal}"));
        }
        return null;
    }

    public static string Message(NominationProblem problem, IStringLocalizer text) =>
        string.Format(CultureInfo.CurrentCulture, text[$"Nomination.Problem.{problem.Code}"], problem.Arguments);

    public sealed record Failed(ValidationProblem? Invalid, ProblemHttpResult? Refused)
    {
        public Results<Created<OwnNomination>, ValidationProblem, ProblemHttpResult> AsSubmitResult() =>
            Invalid is not null ? Invalid : Refused!;

        public Results<Ok<T>, ValidationProblem, ProblemHttpResult> AsResult<T>() =>
            Invalid is not null ? Invalid : Refused!;
    }
}
