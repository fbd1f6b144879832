using CitySpiritAwards.Domain.Categories;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Shared;

/// <summary>The problem answers several features give, in the reader's language.</summary>
public static class Problems
{
    public static ProblemHttpResult CampaignNotFound(IStringLocalizer text, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: text["Problem.CampaignNotFound"],
        detail: text["Problem.CampaignNotFound.Detail", id]);

    public static ProblemHttpResult CategoryNotFound(IStringLocalizer text, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: text["Problem.CategoryNotFound"],
        detail: text["Problem.CategoryNotFound.Detail", id, string.Join(", ", CategoryIds.All)]);
}
