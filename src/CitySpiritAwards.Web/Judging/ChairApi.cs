using System.Security.Claims;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Storage.Judging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySpiritAwards.Web.Judging;

public sealed record PanelMemberRequest(string? Email);
public sealed record ReassignRequest(string FromMemberId, string? ToMemberId);

/// <summary>The committee chairs' API (chairs and administrators): panels, progress with scores, reassignment, reminders, finalising.</summary>
public static class ChairApi
{
    public static void MapChairApi(this WebApplication app)
    {
        var chairs = app.MapGroup("api/committee/{campaignId}/chair").RequireAuthorization(JudgingPolicies.Chair).WithTags("Committee chairs");
        chairs.MapGet("", OverviewAsync).WithSummary("Panels, progress per member, per award a page of 50 entries (category and page pick the award and page; order Progress or Name) with submitted scores, recusals and the members each may be moved to, entries short of judges while scoring is open, and shortlists once final. Never the nominators.");
        chairs.MapPost("panels/{categoryId}/members", AddMemberAsync).WithSummary("Puts the account with this email (role CommitteeMember) on the category's panel; during scoring they take entries short of judges.");
        chairs.MapDelete("panels/{categoryId}/members/{memberId}", RemoveMemberAsync).WithSummary("Takes a member off a panel, only before committee scoring starts.");
        chairs.MapPost("entries/{entryId}/reassign", ReassignAsync).WithSummary("Moves an entry from one judge to another panel member (or, without toMemberId, to the least busy eligible one).");
        chairs.MapPost("members/{memberId}/remind", RemindAsync).WithSummary("Emails a member their unscored entries now, unless they were reminded today.");
        chairs.MapPost("categories/{categoryId}/finalise", FinaliseAsync).WithSummary("Publishes the category's shortlist now; its scores can no longer change.");
    }

    private static string Actor(ClaimsPrincipal user) => $"chair:{user.Identity?.Name}";

    private static async Task<Results<Ok<ChairOverview>, ProblemHttpResult>> OverviewAsync(
        string campaignId, string? category, int? page, EntryOrder? order, ChairServices chair, JudgingServices services) =>
        await chair.OverviewAsync(campaignId, category, page, order ?? EntryOrder.Progress) is { } overview
            ? TypedResults.Ok(overview)
            : CommitteeApi.Refused(services, Domain.Judging.JudgingRefusals.NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> AddMemberAsync(
        string campaignId, string categoryId, PanelMemberRequest request, ClaimsPrincipal user, ChairServices chair, JudgingServices services) =>
        await chair.AddMemberAsync(campaignId, categoryId, request.Email, Actor(user)) is { } refusal
            ? Refused(chair, services, refusal)
            : TypedResults.NoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        string campaignId, string categoryId, string memberId, ClaimsPrincipal user, ChairServices chair, JudgingServices services) =>
        await chair.RemoveMemberAsync(campaignId, categoryId, memberId, Actor(user)) is { } refusal
            ? Refused(chair, services, refusal)
            : TypedResults.NoContent();

    private static async Task<Results<Ok<JudgingOutcome>, ProblemHttpResult>> ReassignAsync(
        string campaignId, string entryId, ReassignRequest request, ClaimsPrincipal user, ChairServices chair, JudgingServices services)
    {
        var outcome = await chair.ReassignAsync(campaignId, entryId, request.FromMemberId, request.ToMemberId, Actor(user));
        return outcome.Refusal is { } refusal ? Refused(chair, services, refusal) : TypedResults.Ok(outcome);
    }

    private static async Task<Ok<ReminderResult>> RemindAsync(string campaignId, string memberId, ChairServices chair) =>
        TypedResults.Ok(await chair.RemindAsync(campaignId, memberId));

    private static async Task<Results<Ok<ShortlistSnapshot>, ProblemHttpResult>> FinaliseAsync(
        string campaignId, string categoryId, ClaimsPrincipal user, ChairServices chair, JudgingServices services)
    {
        var (shortlist, refusal) = await chair.FinaliseAsync(campaignId, categoryId, Actor(user));
        return refusal is not null ? Refused(chair, services, refusal) : TypedResults.Ok(shortlist!);
    }

    private static ProblemHttpResult Refused(ChairServices chair, JudgingServices services, string refusal) =>
        refusal == ChairServices.NotACommitteeMember
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: chair.Message(refusal), type: $"urn:city-spirit-awards:judging:{refusal}")
            : CommitteeApi.Refused(services, refusal);
}
