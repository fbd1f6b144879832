using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Districts;
using CitySpiritAwards.Domain.Seeds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySpiritAwards.Web.Apis;

public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("", ListAsync).WithSummary("The four awards with their bilingual names, descriptions and rubrics.");
        api.MapGet("{id}", GetAsync).WithSummary("One award by its stable id.");
        return api;
    }

    public static RouteGroupBuilder MapDistrictsApi(this RouteGroupBuilder api)
    {
        api.MapGet("", (SeedData seeds) => TypedResults.Ok(seeds.Districts)).WithSummary("Shanghai's 16 districts.");
        return api;
    }

    /// <summary>The categories in city-spirit order, as the category grains hold them.</summary>
    public static async Task<IReadOnlyList<Category>> LoadCategoriesAsync(IGrainFactory grains)
    {
        var categories = await Task.WhenAll(CategoryIds.All.Select(id => grains.GetGrain<ICategoryGrain>(id).GetAsync()));
        return categories.OfType<Category>().ToList();
    }

    private static async Task<Ok<IReadOnlyList<Category>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await LoadCategoriesAsync(grains));

    private static async Task<Results<Ok<Category>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (!CategoryIds.IsKnown(id))
            return NotFound(id);
        var category = await grains.GetGrain<ICategoryGrain>(id).GetAsync();
        return category is null ? NotFound(id) : TypedResults.Ok(category);
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such award category / 没有这个奖项类别",
        detail: $"'{id}' is not one of: {string.Join(", ", CategoryIds.All)}.");
}
