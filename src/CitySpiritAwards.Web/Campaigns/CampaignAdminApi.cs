using System.Security.Claims;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Campaigns;

/// <summary>The administrators' campaign endpoints (the group requires the Administrator role).</summary>
public static class CampaignAdminApi
{
    public static RouteGroupBuilder MapCampaignAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/admin/campaigns").WithTags("Administration").RequireAuthorization(Roles.Administrator);
        api.MapPost("", CreateAsync)
            .WithSummary("Creates a campaign in Draft with its schedule and rules; phases then change by themselves at their times.");
        api.MapPost("{id}/phase", AdvancePhaseAsync)
            .WithSummary("Moves a campaign into the next phase early. Asking for a phase already reached changes nothing.");
        api.MapGet("{id}/audit", AuditLogAsync).WithSummary("Who or what changed the campaign, and when.");
        return api;
    }

    private static async Task<Results<Created<CampaignSnapshot>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCampaignRequest request, CampaignServices campaigns, ClaimsPrincipal user, IStringLocalizer<SharedResource> text)
    {
        var creation = await campaigns.CreateAsync(request, Actor(user));
        if (creation.Created is { } created)
            return TypedResults.Created($"/api/campaigns/{created.Id}", created);
        return creation.IsIdTaken
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: text["Admin.Api.Exists"], detail: text["Admin.Api.Exists.Detail", request.Id])
            : TypedResults.ValidationProblem(creation.Problems, title: text["Admin.Api.Invalid"]);
    }

    private static async Task<Results<Ok<PhaseChangeResult>, ProblemHttpResult>> AdvancePhaseAsync(
        string id, AdvancePhaseRequest request, CampaignServices campaigns, ClaimsPrincipal user, IStringLocalizer<SharedResource> text)
    {
        var result = await campaigns.AdvanceAsync(id, request.Phase, Actor(user));
        if (result is null)
            return Problems.CampaignNotFound(text, id);
        if (result.Outcome != PhaseTransition.SkipNotAllowed)
            return TypedResults.Ok(result);
        // The phases by the names the API takes in "phase".
        var detail = PhaseRules.Next(result.Phase) is { } next
            ? text["Admin.Api.CannotSkip.Detail", result.Phase, next]
            : text["Admin.Api.CannotSkip.Last", result.Phase];
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["Admin.Api.CannotSkip"], detail: detail);
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> AuditLogAsync(
        string id, CampaignServices campaigns, IStringLocalizer<SharedResource> text) =>
        await campaigns.AuditLogAsync(id) is { } log ? TypedResults.Ok(log) : Problems.CampaignNotFound(text, id);

    private static string Actor(ClaimsPrincipal user) => $"admin:{user.Identity?.Name}";
}
