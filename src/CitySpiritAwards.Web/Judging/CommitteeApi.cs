using System.Security.Claims;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySpiritAwards.Web.Judging;

public sealed record ScoreRequest(Dictionary<string, int>? Marks, string? Comment, bool Submit);
public sealed record RecusalRequest(string? Reason);
public sealed record RecusalResult(bool Replaced);

/// <summary>The committee members' API: their queue, one entry with its rubric and their own sheet, scoring and recusal.</summary>
public static class CommitteeApi
{
    public static void MapCommitteeApi(this WebApplication app)
    {
        var members = app.MapGroup("api/committee/{campaignId}").RequireAuthorization(Roles.CommitteeMember).WithTags("Committee");
        members.MapGet("queue", QueueAsync).WithSummary("The entries assigned to the signed-in member, 50 a page (category and status — ToDo, Draft, Submitted — narrow it; order Name sorts by nominee), with where each score stands and the next to score. Never shows who nominated an entry.");
        members.MapGet("entries/{entryId}", EntryAsync).WithSummary("One assigned entry with the rubric in force and the member's own score sheet (never other members' scores).");
        members.MapPut("entries/{entryId}/score", ScoreAsync)
            .WithSummary("Saves a draft (submit: false; criteria may be left out) or submits the score (every criterion 1-10). A submitted score may be changed until scoring closes.");
        members.MapPost("entries/{entryId}/recusal", RecuseAsync)
            .WithSummary("Declares a conflict of interest, with a reason for the chair: the entry goes to another member of the panel.");
    }

    private static async Task<Results<Ok<MemberQueue>, ProblemHttpResult>> QueueAsync(
        string campaignId, int? page, string? category, SheetStatus? status, string? order, ClaimsPrincipal user, [AsParameters] JudgingServices services) =>
        await services.QueueAsync(campaignId, user.UserId(), page, QueueFilter.From(category, status, order)) is { } queue
            ? TypedResults.Ok(queue)
            : Refused(services, JudgingRefusals.NotFound);

    private static async Task<Results<Ok<JudgeEntry>, ProblemHttpResult>> EntryAsync(string campaignId, string entryId, ClaimsPrincipal user, [AsParameters] JudgingServices services) =>
        await services.EntryAsync(campaignId, user.UserId(), entryId) is { } entry
            ? TypedResults.Ok(entry)
            : Refused(services, JudgingRefusals.NotFound);

    private static async Task<Results<Ok<ScoreSheetView>, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        string campaignId, string entryId, ScoreRequest request, ClaimsPrincipal user, [AsParameters] JudgingServices services)
    {
        var outcome = await services.Grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For(campaignId, user.UserId()))
            .SaveAsync(entryId, request.Marks ?? [], request.Comment, request.Submit ? SheetAction.Submit : SheetAction.SaveDraft);
        if (outcome.Problems.Count > 0)
            return TypedResults.ValidationProblem(
                outcome.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(services.Problem).ToArray()),
                title: services.Text["Judging.Problems.Title"]);
        return outcome.Refusal is { } refusal ? Refused(services, refusal) : TypedResults.Ok(outcome.Sheet!);
    }

    private static async Task<Results<Ok<RecusalResult>, ProblemHttpResult>> RecuseAsync(
        string campaignId, string entryId, RecusalRequest request, ClaimsPrincipal user, [AsParameters] JudgingServices services)
    {
        if (await CategoryOfAsync(services, campaignId, entryId) is not { } category)
            return Refused(services, JudgingRefusals.NotFound);
        var outcome = await services.Grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(campaignId, category))
            .RecuseAsync(entryId, user.UserId(), request.Reason ?? "");
        return outcome.Refusal is { } refusal ? Refused(services, refusal) : TypedResults.Ok(new RecusalResult(outcome.MemberId is not null));
    }

    /// <summary>The category of an entry of this campaign, or null.</summary>
    public static async Task<string?> CategoryOfAsync(JudgingServices services, string campaignId, string entryId) =>
        await services.Grains.GetGrain<Abstractions.Nominations.INominationGrain>(entryId).GetAsync() is { } n && n.CampaignId == campaignId
            ? n.Draft.CategoryId
            : null;

    /// <summary>A refusal as problem+json in the reader's language.</summary>
    public static ProblemHttpResult Refused(JudgingServices services, string refusal) => TypedResults.Problem(
        statusCode: refusal switch
        {
            JudgingRefusals.NotFound or JudgingRefusals.NotAssigned => StatusCodes.Status404NotFound,
            JudgingRefusals.ReasonRequired or JudgingRefusals.ReasonTooLong => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        },
        title: services.Refusal(refusal),
        type: $"urn:city-spirit-awards:judging:{refusal}");
}
