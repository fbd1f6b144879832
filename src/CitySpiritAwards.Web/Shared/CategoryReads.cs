using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Domain.Categories;

namespace CitySpiritAwards.Web.Shared;

public static class CategoryReads
{
    /// <summary>The four awards in city-spirit order, as the category grains hold them.</summary>
    public static async Task<IReadOnlyList<Category>> LoadCategoriesAsync(this IGrainFactory grains)
    {
        var categories = await Task.WhenAll(CategoryIds.All.Select(id => grains.GetGrain<ICategoryGrain>(id).GetAsync()));
        return categories.OfType<Category>().ToList();
    }
}
