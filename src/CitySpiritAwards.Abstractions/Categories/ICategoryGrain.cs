using CitySpiritAwards.Domain.Categories;

namespace CitySpiritAwards.Abstractions.Categories;

/// <summary>One of the four awards, keyed by its stable id (e.g. "inclusiveness"): its names, description and default rubric.</summary>
[Alias("CitySpiritAwards.ICategoryGrain")]
public interface ICategoryGrain : IGrainWithStringKey
{
    /// <summary>The category, or null before it has been defined (seeded).</summary>
    [Alias("Get")]
    Task<Category?> GetAsync();

    /// <summary>Defines or replaces the category. Throws <see cref="ArgumentException"/> for an invalid rubric or a key mismatch.</summary>
    [Alias("Define")]
    Task DefineAsync(Category category);
}
