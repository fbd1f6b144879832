using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Grains.Storage;

namespace CitySpiritAwards.Grains.Categories;

public sealed class CategoryGrain(
    [PersistentState("category", StorageNames.Awards)] IPersistentState<CategoryState> state) : Grain, ICategoryGrain
{
    public Task<Category?> GetAsync() => Task.FromResult(state.State.Category);

    public async Task DefineAsync(Category category)
    {
        if (category.Id != this.GetPrimaryKeyString())
            throw new ArgumentException($"Category '{category.Id}' cannot be stored under '{this.GetPrimaryKeyString()}'.");
        var problems = category.Rubric.Problems();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems));

        state.State.Category = category;
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("CitySpiritAwards.CategoryState")]
public sealed class CategoryState
{
    [Id(0)] public Category? Category { get; set; }
}
