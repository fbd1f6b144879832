using System.Globalization;
using System.Security.Claims;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Web.Gallery;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Tallying;

/// <summary>One entry's line in the results, with what the public may see of its nomination (null once it is no longer public).</summary>
public sealed record StandingView(ResultStanding Standing, PublicNomination? Nominee);

/// <summary>One award's results: the ranking, best first; the winner is rank 1.</summary>
public sealed record CategoryView(string CategoryId, IReadOnlyList<StandingView> Standings)
{
    public StandingView? Winner => Standings.FirstOrDefault(s => s.Standing.Rank == 1);
}

/// <summary>A campaign's results as pages show them, and whether they are shown as public results or as an administrator's preview.</summary>
public sealed record ResultsView(CampaignSnapshot Campaign, CampaignResults Results, bool IsPublic, IReadOnlyList<CategoryView> Categories)
{
    public CategoryView? For(string categoryId) => Categories.FirstOrDefault(c => c.CategoryId == categoryId);
}

/// <summary>What a reader may see of a campaign's results.</summary>
public enum ResultsAccess
{
    NoSuchCampaign,
    /// <summary>Not published yet (and the reader is no administrator, or nothing is computed yet).</summary>
    NotPublished,
    /// <summary>An administrator looking at results not yet public.</summary>
    Preview,
    Public,
}

/// <summary>Dependencies of the results pages and endpoints, and what they do.</summary>
public sealed record ResultsServices(
    IGrainFactory Grains, DisplayNames Names, IStringLocalizer<SharedResource> Text, CampaignNoticeQueue Notices, ILogger<ResultsServices> Logger)
{
    public IResultsGrain ResultsOf(string campaignId) => Grains.GetGrain<IResultsGrain>(campaignId);

    /// <summary>
    /// The campaign's results if <paramref name="user"/> may see them: everyone once published, administrators before
    /// (as a preview). Nothing else is read before that is decided.
    /// </summary>
    public async Task<(ResultsAccess Access, CampaignSnapshot? Campaign, ResultsView? View)> LoadAsync(string campaignId, ClaimsPrincipal user)
    {
        var campaign = await Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (campaign is null)
            return (ResultsAccess.NoSuchCampaign, null, null);
        var results = await ResultsOf(campaignId).GetAsync();
        var isPublic = results is not null && ResultsRules.IsPublic(campaign.Phase, results.IsPublished);
        if (results is null || (!isPublic && !user.IsInRole(Roles.Administrator)))
            return (ResultsAccess.NotPublished, campaign, null);

        var ids = results.Categories.SelectMany(c => c.Standings.Select(s => s.EntryId));
        var nominations = (await Grains.LoadNominationsAsync(ids)).Where(n => n.IsPublic).ToDictionary(n => n.Id, PublicNomination.From);
        var categories = results.Categories
            .Select(c => new CategoryView(c.CategoryId, c.Standings.Select(s => new StandingView(s, nominations.GetValueOrDefault(s.EntryId))).ToList()))
            .ToList();
        return (isPublic ? ResultsAccess.Public : ResultsAccess.Preview, campaign, new ResultsView(campaign, results, isPublic, categories));
    }

    /// <summary>The nominations of these entries, public or not (for administrators' exports); ids without a nomination are left out.</summary>
    public async Task<IReadOnlyDictionary<string, Abstractions.Nominations.NominationView>> NominationsAsync(IEnumerable<string> entryIds) =>
        (await Grains.LoadNominationsAsync(entryIds)).ToDictionary(n => n.Id, StringComparer.Ordinal);

    /// <summary>Computes the results again (administrators, while Tallying).</summary>
    public Task<ResultsOutcome> RecomputeAsync(string campaignId, ClaimsPrincipal user) => ResultsOf(campaignId).RecomputeAsync(Actor(user));

    /// <summary>
    /// The administrators' "publish results": moves the campaign from Tallying to Published (as its schedule would) and
    /// publishes the results at once, then queues the winners' nominators' notices (as the phase job would a minute later).
    /// Asking again changes nothing.
    /// </summary>
    public async Task<ResultsOutcome> PublishAsync(string campaignId, ClaimsPrincipal user)
    {
        var campaign = Grains.GetGrain<ICampaignGrain>(campaignId);
        if (await campaign.GetAsync() is not { } snapshot)
            return ResultsOutcome.Refused(ResultsRefusals.NotFound);
        if (snapshot.Phase < CampaignPhase.Tallying)
            return ResultsOutcome.Refused(ResultsRefusals.NotTallying);
        if (snapshot.Phase == CampaignPhase.Tallying)
            await campaign.AdvanceToAsync(CampaignPhase.Published, Actor(user));
        var outcome = await ResultsOf(campaignId).PublishAsync(Actor(user));
        if (outcome.Results is { } published)
        {
            Logger.LogInformation("Results of campaign {CampaignId} published by {Actor}", campaignId, published.PublishedBy);
            await Notices.QueueDueAsync(campaignId);
        }
        return outcome;
    }

    public static string Actor(ClaimsPrincipal user) => $"admin:{user.Identity?.Name}";

    /// <summary>A refusal as problem+json in the reader's language.</summary>
    public ProblemHttpResult Problem(string refusal) => TypedResults.Problem(
        statusCode: refusal switch
        {
            ResultsRefusals.NotFound => StatusCodes.Status404NotFound,
            ResultsRefusals.ShortlistsPending => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status409Conflict,
        },
        title: Text[$"Results.Refusal.{refusal}"],
        type: $"urn:city-spirit-awards:{refusal}");

    /// <summary>404, not 403: nobody is refused anything; there are no published results yet (the same answer for everyone).</summary>
    public ProblemHttpResult NotPublished() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: Text["Results.NotPublishedYet"], type: "urn:city-spirit-awards:results-not-published");

    public ProblemHttpResult NotComputed() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: Text["Results.NotComputed"], type: "urn:city-spirit-awards:results-not-computed");
}

/// <summary>How results numbers are written on pages (the same in both languages).</summary>
public static class ResultsFormat
{
    /// <summary>Points out of 100 with one decimal, e.g. 66.4.</summary>
    public static string Points(double points) => points.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A committee mean on the 1–10 scale with two decimals, e.g. 8.25.</summary>
    public static string Raw(decimal raw) => raw.ToString("0.00", CultureInfo.InvariantCulture);

}
