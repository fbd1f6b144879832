using System.Collections.Concurrent;
using System.Security.Claims;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Voting;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Voting;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Voting;

public sealed record VoteRequest(string? EntryId);

/// <summary>A vote as its voter sees it.</summary>
public sealed record VoteView(string Receipt, string CampaignId, string CategoryId, string EntryId, VoteStatus Status)
{
    public static VoteView From(VoteReceipt vote, VoteStatus status = VoteStatus.Counted) =>
        new(vote.Receipt, vote.CampaignId, vote.CategoryId, vote.EntryId, status);
}

/// <summary>
/// What a receipt tells whoever holds it. The entry only to the vote's own voter, and to them only whether it was
/// taken down during voting (the vote is kept but counts for nothing).
/// </summary>
public sealed record ReceiptView(string Receipt, string CampaignId, string CategoryId, VoteStatus Status, string? EntryId, bool EntryTakenDown = false);

public sealed record EntryVotes(string EntryId, long Votes);
public sealed record CategoryTally(string CategoryId, IReadOnlyList<EntryVotes> Entries);

/// <summary>Counted votes per shortlisted entry, as of <paramref name="CountedAt"/>.</summary>
public sealed record TalliesView(string CampaignId, CampaignPhase Phase, DateTimeOffset CountedAt, IReadOnlyList<CategoryTally> Categories);

/// <summary>Dependencies of the voting endpoints and pages.</summary>
public sealed record VotingServices(IGrainFactory Grains, VoterReferences Voters, VotingCatalog Catalog, VoteTallies Tallies, IVoteLedger Ledger, IStringLocalizer<SharedResource> Text, ILogger<VotingServices> Logger)
{
    public IVoterGrain Voter(string campaignId, ClaimsPrincipal user) => Voters.Get(campaignId, user.UserId());

    /// <summary>The campaign's tallies, or null while they are hidden: shown live during PublicVoting if the campaign says so, to everyone from Tallying on.</summary>
    public async Task<TalliesView?> VisibleTalliesAsync(CampaignVoting voting)
    {
        // What this silo knew may be a moment old (voting just closed): read the campaign again before hiding.
        if (!TalliesVisible(voting) && (await Catalog.GetAsync(voting.Campaign.Id, fresh: true) is not { } fresh || !TalliesVisible(voting = fresh)))
            return null;
        var tallies = await Tallies.GetAsync(voting.Campaign.Id);
        // A taken-down entry may not be shown: it leaves the tallies, its votes stay in the table.
        return new TalliesView(voting.Campaign.Id, voting.Campaign.Phase, tallies.ReadAt, voting.Shortlists
            .Select(s => new CategoryTally(s.CategoryId, s.Entries.Where(e => !voting.Context.IsTakenDown(e.NominationId))
                .Select(e => new EntryVotes(e.NominationId, tallies.VotesFor(e.NominationId))).ToList()))
            .ToList());
    }

    private static bool TalliesVisible(CampaignVoting voting) =>
        VotingRules.TalliesVisible(voting.Campaign.Phase, voting.Campaign.Settings.LiveTallies);

    /// <summary>A receipt's status, and its entry only when <paramref name="user"/> cast the vote.</summary>
    public async Task<ReceiptView?> LookUpAsync(string? typed, ClaimsPrincipal user, CancellationToken ct)
    {
        if (VoteReceipts.Normalize(typed) is not { } receipt || await Ledger.FindAsync(receipt, ct) is not { } vote)
            return null;
        var own = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && id == vote.VoterId;
        if (!own)
            return new ReceiptView(vote.Receipt, vote.CampaignId, vote.CategoryId, vote.Status, null);
        var takenDown = await Grains.GetGrain<INominationGrain>(vote.EntryId).IsTakenDownAsync();
        return new ReceiptView(vote.Receipt, vote.CampaignId, vote.CategoryId, vote.Status, vote.EntryId, takenDown);
    }

    public ProblemHttpResult Refusal(string refusal) => TypedResults.Problem(
        statusCode: refusal switch
        {
            VoteRefusals.NotFound or VoteRefusals.NotShortlisted or VoteRefusals.NoSuchVote => 404,
            VoteRefusals.TakenDown => 410,
            _ => 409,
        },
        title: Text[$"Vote.Refusal.{refusal}"],
        type: $"urn:city-spirit-awards:{refusal}");

    public ProblemHttpResult Unavailable(Exception exception)
    {
        Logger.LogError(exception, "A vote could not be stored; the voter was told to try again");
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: Text["Vote.Unavailable"],
            type: "urn:city-spirit-awards:not-stored");
    }
}

/// <summary>
/// This silo's references to voter grains. Making one reads the interface's attributes each time; during a peak the
/// same voters come back, so they are kept (bounded: emptied when the cap is reached).
/// </summary>
public sealed class VoterReferences(IGrainFactory grains)
{
    private const int Cap = 200_000;
    private readonly ConcurrentDictionary<string, IVoterGrain> _references = new(StringComparer.Ordinal);

    public IVoterGrain Get(string campaignId, string voterId)
    {
        var key = IVoterGrain.KeyFor(campaignId, voterId);
        if (_references.TryGetValue(key, out var voter))
            return voter;
        if (_references.Count >= Cap)
            _references.Clear();
        return _references[key] = grains.GetGrain<IVoterGrain>(key);
    }
}

public static class VotingApi
{
    public static void MapVotingApi(this WebApplication app)
    {
        var voters = app.MapGroup("api/campaigns/{campaignId}/votes").RequireAuthorization(Roles.Resident).WithTags("Voting");
        voters.MapPost("", CastAsync).RequireRateLimiting(VoteRateLimiterPolicy.Name)
            .WithSummary("Votes for a shortlisted entry during PublicVoting. Voting for the same entry again is the same vote: same receipt (200 instead of 201). " +
                         "An entry taken down during voting (consent withdrawn, hidden) answers 410.");
        voters.MapGet("mine", MineAsync).WithSummary("The signed-in resident's counted votes in a campaign, with their receipts.");
        voters.MapPost("{receipt}/change", ChangeAsync).RequireRateLimiting(VoteRateLimiterPolicy.Name)
            .WithSummary("Moves a vote to another entry of the same category (if the campaign allows changes): the old receipt then reads withdrawn.");
        voters.MapPost("{receipt}/withdraw", WithdrawAsync).RequireRateLimiting(VoteRateLimiterPolicy.Name)
            .WithSummary("Withdraws a vote until voting closes (if the campaign allows changes).");

        app.MapGet("api/votes/receipts/{receipt}", ReceiptAsync).WithTags("Voting")
            .WithSummary("Whether a vote counts: counted, withdrawn or held for review, and its category. Whom it was for only to its voter.");
        app.MapGet("api/campaigns/{campaignId}/tallies", TalliesAsync).WithTags("Voting")
            .WithSummary("Counted votes per shortlisted entry: live during PublicVoting if the campaign shows live tallies, otherwise from Tallying on (403 until then).");

        app.MapBenchEndpoints();
    }

    private static async Task<Results<Created<VoteView>, Ok<VoteView>, ValidationProblem, ProblemHttpResult>> CastAsync(
        string campaignId, VoteRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] VotingServices services)
    {
        if (string.IsNullOrWhiteSpace(request.EntryId))
            return EntryRequired(services);
        VoteOutcome outcome;
        try
        {
            outcome = await services.Voter(campaignId, user).CastAsync(request.EntryId, ClientNetwork.Of(http.Connection.RemoteIpAddress));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return services.Unavailable(exception);
        }
        if (outcome.Refusal is { } refusal)
            return services.Refusal(refusal);
        var view = VoteView.From(outcome.Vote!);
        return outcome.Created ? TypedResults.Created($"/api/votes/receipts/{view.Receipt}", view) : TypedResults.Ok(view);
    }

    private static async Task<Ok<IReadOnlyList<VoteView>>> MineAsync(string campaignId, ClaimsPrincipal user, [AsParameters] VotingServices services) =>
        TypedResults.Ok<IReadOnlyList<VoteView>>((await services.Voter(campaignId, user).ListAsync()).Select(v => VoteView.From(v)).ToList());

    private static async Task<Results<Ok<VoteView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string campaignId, string receipt, VoteRequest request, ClaimsPrincipal user, HttpContext http, [AsParameters] VotingServices services)
    {
        if (string.IsNullOrWhiteSpace(request.EntryId))
            return EntryRequired(services);
        VoteOutcome outcome;
        try
        {
            outcome = await services.Voter(campaignId, user).ChangeAsync(VoteReceipts.Normalize(receipt) ?? receipt, request.EntryId, ClientNetwork.Of(http.Connection.RemoteIpAddress));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return services.Unavailable(exception);
        }
        return outcome.Refusal is { } refusal ? services.Refusal(refusal) : TypedResults.Ok(VoteView.From(outcome.Vote!));
    }

    private static async Task<Results<Ok<VoteView>, ProblemHttpResult>> WithdrawAsync(
        string campaignId, string receipt, ClaimsPrincipal user, [AsParameters] VotingServices services)
    {
        VoteOutcome outcome;
        try
        {
            outcome = await services.Voter(campaignId, user).WithdrawAsync(VoteReceipts.Normalize(receipt) ?? receipt);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return services.Unavailable(exception);
        }
        return outcome.Refusal is { } refusal ? services.Refusal(refusal) : TypedResults.Ok(VoteView.From(outcome.Withdrawn!, VoteStatus.Withdrawn));
    }

    private static async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> ReceiptAsync(
        string receipt, ClaimsPrincipal user, [AsParameters] VotingServices services, CancellationToken ct) =>
        await services.LookUpAsync(receipt, user, ct) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(statusCode: 404, title: services.Text["Vote.Receipt.Unknown"], type: "urn:city-spirit-awards:unknown-receipt");

    private static async Task<Results<Ok<TalliesView>, ProblemHttpResult>> TalliesAsync(string campaignId, [AsParameters] VotingServices services)
    {
        if (await services.Catalog.GetAsync(campaignId) is not { } voting)
            return Problems.CampaignNotFound(services.Text, campaignId);
        return await services.VisibleTalliesAsync(voting) is { } tallies
            ? TypedResults.Ok(tallies)
            : TypedResults.Problem(statusCode: 403, title: services.Text["Vote.Tallies.Hidden"], type: "urn:city-spirit-awards:tallies-hidden");
    }

    private static ValidationProblem EntryRequired(VotingServices services) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["entryId"] = [services.Text["Vote.EntryRequired"]] },
        title: services.Text["Vote.Invalid.Title"]);
}
