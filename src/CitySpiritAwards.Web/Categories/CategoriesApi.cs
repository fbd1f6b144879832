using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Categories;

/// <summary>The awards and Shanghai's districts, which anyone may read.</summary>
public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/categories").WithTags("Categories");
        api.MapGet("", ListAsync).WithSummary("The four awards with their bilingual names, descriptions and rubrics.");
        api.MapGet("{id}", GetAsync).WithSummary("One award by its stable id.");
        return api;
    }

    public static RouteGroupBuilder MapDistrictsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/districts").WithTags("Districts");
        api.MapGet("", (SeedData seeds) => TypedResults.Ok(seeds.Districts)).WithSummary("Shanghai's 16 districts.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Category>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.LoadCategoriesAsync());

    private static async Task<Results<Ok<Category>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, IStringLocalizer<SharedResource> text)
    {
        if (!CategoryIds.IsKnown(id))
            return Problems.CategoryNotFound(text, id);
        var category = await grains.GetGrain<ICategoryGrain>(id).GetAsync();
        return category is null ? Problems.CategoryNotFound(text, id) : TypedResults.Ok(category);
    }
}
