using System.Security.Claims;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySpiritAwards.Web.Judging;

/// <summary>A category's rubric in one campaign, and whether it is the campaign's own or the category's default.</summary>
public sealed record CampaignRubric(string CategoryId, bool Custom, Rubric Rubric);

/// <summary>Administrators edit a category's rubric per campaign, before committee scoring starts.</summary>
public static class RubricApi
{
    public static void MapRubricApi(this WebApplication app)
    {
        var rubrics = app.MapGroup("api/admin/campaigns/{campaignId}/rubrics").RequireAuthorization(Roles.Administrator).WithTags("Administration");
        rubrics.MapGet("{categoryId}", GetAsync).WithSummary("The rubric a category's entries are scored against in this campaign.");
        rubrics.MapPut("{categoryId}", SetAsync)
            .WithSummary("Gives the category its own rubric for this campaign: bilingual criteria, weights adding up to 100%. Only before committee scoring starts.");
    }

    private static async Task<Results<Ok<CampaignRubric>, ProblemHttpResult>> GetAsync(string campaignId, string categoryId, JudgingServices services) =>
        await LoadAsync(services, campaignId, categoryId) is { } rubric ? TypedResults.Ok(rubric) : CommitteeApi.Refused(services, JudgingRefusals.NotFound);

    private static async Task<Results<Ok<CampaignRubric>, ValidationProblem, ProblemHttpResult>> SetAsync(
        string campaignId, string categoryId, Rubric? rubric, ClaimsPrincipal user, JudgingServices services)
    {
        if (!CategoryIds.IsKnown(categoryId) || await services.CampaignAsync(campaignId) is null)
            return CommitteeApi.Refused(services, JudgingRefusals.NotFound);
        var outcome = await services.Grains.GetGrain<ICampaignRubricGrain>(JudgingKeys.For(campaignId, categoryId))
            .SetAsync(Clean(rubric), $"admin:{user.Identity?.Name}");
        if (outcome.Problems.Count > 0)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["criteria"] = outcome.Problems.Select(p => services.Text[$"Judging.RubricProblem.{p}"].Value).ToArray() },
                title: services.Text["Judging.Rubric.Invalid"]);
        return outcome.Refusal is { } refusal
            ? CommitteeApi.Refused(services, refusal)
            : TypedResults.Ok((await LoadAsync(services, campaignId, categoryId))!);
    }

    public static async Task<CampaignRubric?> LoadAsync(JudgingServices services, string campaignId, string categoryId)
    {
        if (!CategoryIds.IsKnown(categoryId) || await services.CampaignAsync(campaignId) is null)
            return null;
        var grain = services.Grains.GetGrain<ICampaignRubricGrain>(JudgingKeys.For(campaignId, categoryId));
        return await grain.GetAsync() is { } rubric ? new CampaignRubric(categoryId, await grain.IsCustomAsync(), rubric) : null;
    }

    /// <summary>JSON may leave parts out: missing lists become empty, missing texts empty, names and ids trimmed.</summary>
    public static Rubric Clean(Rubric? rubric) => new((rubric?.Criteria ?? []).Select(c => new RubricCriterion(
        (c.Id ?? "").Trim(),
        new LocalizedText((c.Name?.ZhCn ?? "").Trim(), (c.Name?.En ?? "").Trim()),
        new LocalizedText((c.Guidance?.ZhCn ?? "").Trim(), (c.Guidance?.En ?? "").Trim()),
        c.WeightPercent)).ToList());
}
