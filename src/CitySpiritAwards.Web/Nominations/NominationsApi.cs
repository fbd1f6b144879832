using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>
/// A nomination as its nominator sees it: everything they entered, its photos, status and history. The history says
/// who acted by role only ("nominator", "moderator", "nominee", "site"), never a moderator's account.
/// <paramref name="ConsentEmailOwed"/>: the nominee has not been emailed a link yet (a daily limit held it back); send it
/// with <c>POST /api/nominations/{id}/consent-email</c>. <paramref name="Notice"/> says so in the reader's language.
/// </summary>
public sealed record OwnNomination(
    string Id, string CampaignId, NominationDraft Draft, IReadOnlyList<string> PhotoIds, NominationStatus Status, NomineeConsent Consent,
    string? ModeratorNote, IReadOnlyList<NominationEvent> History, bool ConsentEmailOwed, string? Notice = null)
{
    public static OwnNomination From(NominationView n, string? notice = null) =>
        new(n.Id, n.CampaignId, n.Draft, n.PhotoIds, n.Status, n.Consent, n.ModeratorNote,
            n.History.Select(e => e with { Actor = RoleOf(e.Actor, n.NominatorId), Note = NoteForNominator(e) }).ToList(),
            n.ConsentEmailOwed, notice);

    /// <summary>A moderator's reason is for the nominator; a merge's note names another resident's nomination and is not.</summary>
    public static string? NoteForNominator(NominationEvent step) =>
        step.Action.StartsWith("moderation: ", StringComparison.Ordinal) && step.Action != "moderation: Merge" ? step.Note : null;

    public static string RoleOf(string actor, string nominatorId) =>
        actor == nominatorId ? "nominator" : actor.Split(':')[0];
}

public sealed record ModerationRequest(ModerationAction Action, string? Reason);
public sealed record MergeRequest(string TargetId);
public sealed record ConsentRequest(ConsentAction Action);

/// <summary>How a nomination reached the API, read before anything is stored.</summary>
public sealed record NominationRequestReader(NominationFormReader Reader);

public static class NominationsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapNominationsApi(this WebApplication app)
    {
        var residents = app.MapGroup("api").RequireAuthorization(Roles.Resident).WithTags("Nominations");
        residents.MapPost("campaigns/{campaignId}/nominations", SubmitAsync).RequireRateLimiting(NominationRateLimiterPolicy.Name)
            .Accepts<NominationDraft>("application/json", "multipart/form-data")
            .WithSummary($"Nominates a neighbour: JSON, or a multipart form with the same fields and up to {NominationLimits.MaxPhotos} photo files. " +
                         $"Send a new random {IdempotencyHeader} per nomination: repeating it (a double click) returns the same nomination.");
        residents.MapGet("campaigns/{campaignId}/nominations/mine", MineAsync).WithSummary("The signed-in resident's nominations in a campaign, with status and history.");
        residents.MapPut("nominations/{id}", EditAsync).RequireRateLimiting(NominationRateLimiterPolicy.Name)
            .Accepts<NominationDraft>("application/json", "multipart/form-data")
            .WithSummary($"Changes one's own nomination while it may still be edited. JSON keeps its photos; a multipart form keeps the photos named in " +
                         $"{NominationInput.KeepPhotoIdsField} fields and adds its files.");
        residents.MapPost("nominations/{id}/withdraw", WithdrawAsync).RequireRateLimiting(NominationRateLimiterPolicy.Name).WithSummary("Withdraws one's own nomination before screening.");
        residents.MapPost("nominations/{id}/consent-email", SendConsentEmailAsync).RequireRateLimiting(NominationRateLimiterPolicy.Name)
            .WithSummary("Sends the nominee the consent email a daily limit held back (consentEmailOwed): 429 with Retry-After while the limit still holds.");

        var moderators = app.MapGroup("api/nominations").RequireAuthorization(Roles.Moderator).WithTags("Moderation");
        moderators.MapPost("{id}/moderation", ModerateAsync).WithSummary("Approves, rejects (with a reason), requests changes or hides a nomination.");
        moderators.MapPost("{id}/merge", MergeAsync).WithSummary("Folds a duplicate into another nomination of the same nominee during screening.");

        var consent = app.MapGroup("api/consent").WithTags("Consent").AllowAnonymous();
        consent.MapPost("{token}", ConsentAsync).WithSummary("The nominee's answer, with the token from the emailed link.");
    }

    private static async Task<Results<Created<OwnNomination>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string campaignId, [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey, ClaimsPrincipal user, HttpContext http,
        [AsParameters] NominationRequestReader reader, [AsParameters] NominationServices services, CancellationToken ct)
    {
        if (!Guid.TryParse(idempotencyKey, out var key))
            return TypedResults.Problem(statusCode: 400, title: services.Text["Nomination.Api.IdempotencyKeyRequired"],
                detail: $"Send a new random GUID in the {IdempotencyHeader} header for each nomination.");
        var precheck = services.PrecheckSubmit(campaignId, user.UserId(), _ => key.ToString("N"), http, prefix: "");
        if (await ReadAsync(http.Request, reader, services, precheck, ct) is not { } input)
            return UnreadableBody(services.Text);
        if (Rejected(input, services.Text, http.Response) is { } rejected)
            return rejected.AsSubmitResult();

        var change = await services.SubmitAsync(campaignId, user.UserId(), key.ToString("N"), input.Draft, input.Photos, keepPhotosForCorrection: false, http, ct);
        if (Failure(change.Outcome, services.Text) is { } failure)
            return failure.AsSubmitResult();
        return TypedResults.Created($"/api/campaigns/{campaignId}/nominations/mine",
            OwnNomination.From(change.Outcome.Nomination!, services.ConsentEmailNotice(change.Outcome.Nomination!, change.ConsentEmail)));
    }

    private static async Task<Results<Ok<OwnNomination>, ValidationProblem, ProblemHttpResult>> EditAsync(
        string id, ClaimsPrincipal user, HttpContext http,
        [AsParameters] NominationRequestReader reader, [AsParameters] NominationServices services, CancellationToken ct)
    {
        var precheck = services.PrecheckEdit(id, user.UserId(), http, prefix: "");
        if (await ReadAsync(http.Request, reader, services, precheck, ct) is not { } input)
            return UnreadableBody(services.Text);
        if (Rejected(input, services.Text, http.Response) is { } rejected)
            return rejected.AsResult<OwnNomination>();
        var photos = input.Photos;
        if (!NominationFormReader.IsMultipart(http.Request) && await services.Grains.GetGrain<INominationGrain>(id).GetAsync() is { } current)
            photos = photos with { KeptIds = current.PhotoIds };

        var change = await services.EditAsync(id, user.UserId(), input.Draft, photos, http, ct);
        return Failure(change.Outcome, services.Text) is { } failure
            ? failure.AsResult<OwnNomination>()
            : TypedResults.Ok(OwnNomination.From(change.Outcome.Nomination!, services.ConsentEmailNotice(change.Outcome.Nomination!, change.ConsentEmail)));
    }

    private static async Task<NominationInput?> ReadAsync(
        HttpRequest request, NominationRequestReader reader, NominationServices services, NominationPrecheck precheck, CancellationToken ct) =>
        NominationFormReader.IsMultipart(request)
            ? await NominationInput.ReadFormAsync(request, reader.Reader, prefix: "", services.Text, precheck, antiforgery: null, ct)
            : request.HasJsonContentType() ? await NominationInput.ReadJsonAsync(request, ct) : null;

    private static ProblemHttpResult UnreadableBody(IStringLocalizer text) =>
        TypedResults.Problem(statusCode: 400, title: text["Nomination.Api.UnreadableBody"],
            detail: "Send the nomination as application/json or as multipart/form-data.");

    /// <summary>Problems found while reading (the form cannot be taken, photos, encodings, size, a busy silo): nothing was stored.</summary>
    private static Failed? Rejected(NominationInput input, IStringLocalizer text, HttpResponse response)
    {
        if (input.Refusal is { } refusal)
            return Failure(refusal, text);
        if (input.Busy)
        {
            response.Headers.RetryAfter = "5";
            return new Failed(null, TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: text["Photos.Busy.Title"],
                detail: text["Photos.Busy"], type: "urn:city-spirit-awards:busy"));
        }
        if (input.TooLarge)
            return new Failed(null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                title: input.Problems.TryGetValue(NominationInput.PhotosField, out var photos) ? photos[0] : text["Nomination.Api.BodyTooLarge", NominationInput.MaxJsonBytes / 1024],
                type: "urn:city-spirit-awards:too-large"));
        if (input.IsAcceptable)
            return null;
        var errors = input.Problems.ToDictionary(p => ApiFieldName(p.Key), p => p.Value);
        return new Failed(TypedResults.ValidationProblem(errors, title: text["Nomination.Invalid.Title"]), null);
    }

    private static async Task<Ok<IReadOnlyList<OwnNomination>>> MineAsync(string campaignId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<OwnNomination>>(
            (await grains.LoadResidentNominationsAsync(campaignId, user.UserId())).Select(n => OwnNomination.From(n)).ToList());

    private static async Task<Results<Ok<OwnNomination>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        string id, ClaimsPrincipal user, [AsParameters] NominationServices services)
    {
        var outcome = await services.Grains.GetGrain<INominationGrain>(id).WithdrawAsync(user.UserId());
        return Failure(outcome, services.Text) is { } failure ? failure.AsResult<OwnNomination>() : TypedResults.Ok(OwnNomination.From(outcome.Nomination!));
    }

    private static async Task<Results<Ok<OwnNomination>, ValidationProblem, ProblemHttpResult>> SendConsentEmailAsync(
        string id, ClaimsPrincipal user, HttpContext http, [AsParameters] NominationServices services, CancellationToken ct)
    {
        var (outcome, email) = await services.SendHeldConsentEmailAsync(id, user.UserId(), http, ct);
        if (Failure(outcome, services.Text) is { } failure)
            return failure.AsResult<OwnNomination>();
        if (email is { Sent: false, AllowedFrom: { } from })
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((from - services.Clock.UtcNow).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: services.Text["ConsentEmail.TooMany.Title"],
                detail: services.ConsentEmailNotice(outcome.Nomination!, email), type: "urn:city-spirit-awards:consent-email-limit");
        }
        return TypedResults.Ok(OwnNomination.From(outcome.Nomination!, services.Text["ConsentEmail.Sent"]));
    }

    private static async Task<Results<Ok<NominationStatus>, ValidationProblem, ProblemHttpResult>> ModerateAsync(
        string id, ModerationRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] NominationServices services)
    {
        var outcome = await services.Grains.GetGrain<INominationGrain>(id).ModerateAsync(request.Action, ModeratorActor(user), request.Reason);
        services.Notices.Queue(outcome, http);
        return Failure(outcome, services.Text) is { } failure ? failure.AsResult<NominationStatus>() : TypedResults.Ok(outcome.Nomination!.Status);
    }

    private static async Task<Results<Ok<NominationStatus>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        string id, MergeRequest request, ClaimsPrincipal user, [AsParameters] NominationServices services)
    {
        if (await services.Grains.GetGrain<INominationGrain>(id).GetAsync() is not { } nomination)
            return Failure(NominationOutcome.Refused(RefusalCodes.NotFound), services.Text)!.AsResult<NominationStatus>();
        var outcome = await services.Grains.GetGrain<INominationMergeGrain>(nomination.CampaignId).MergeAsync(id, request.TargetId ?? "", ModeratorActor(user));
        return Failure(outcome, services.Text) is { } failure ? failure.AsResult<NominationStatus>() : TypedResults.Ok(outcome.Nomination!.Status);
    }

    private static async Task<Results<Ok<NomineeConsent>, ValidationProblem, ProblemHttpResult>> ConsentAsync(
        string token, ConsentRequest request, HttpContext http, [AsParameters] NominationServices services)
    {
        if (services.ConsentLinks.ReadToken(token) is not { } link)
            return TypedResults.Problem(statusCode: 404, title: services.Text["Consent.InvalidLink"]);
        var outcome = await services.Grains.GetGrain<INominationGrain>(link.NominationId).ConsentAsync(request.Action, link.Round);
        services.Notices.Queue(outcome, http);
        return Failure(outcome, services.Text) is { } failure ? failure.AsResult<NomineeConsent>() : TypedResults.Ok(outcome.Nomination!.Consent);
    }

    /// <summary>How a moderator is recorded in a nomination's history (the audit log); nominators see only "moderator".</summary>
    public static string ModeratorActor(ClaimsPrincipal user) => $"moderator:{user.Identity?.Name}";

    private static string ApiFieldName(string field) => JsonNamingPolicy.CamelCase.ConvertName(field);

    /// <summary>A refused or invalid outcome as problem+json in the reader's language; null when it succeeded.</summary>
    public static Failed? Failure(NominationOutcome outcome, IStringLocalizer text)
    {
        if (outcome.Problems.Count > 0)
        {
            var errors = outcome.Problems
                .GroupBy(p => ApiFieldName(p.Field))
                .ToDictionary(g => g.Key, g => g.Select(p => Message(p, text)).ToArray());
            return new Failed(TypedResults.ValidationProblem(errors, title: text["Nomination.Invalid.Title"]), null);
        }
        if (outcome.Refusal is { } refusal)
        {
            var status = refusal switch
            {
                RefusalCodes.NotFound => 404,
                RefusalCodes.NotYours => 403,
                NominationServices.PhotosUnavailable => 503,
                NominationServices.ConsentEmailNotOwed => 409,
                RefusalCodes.ConsentLinkReplaced => 410,
                _ => 409,
            };
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
