using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Categories;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class CategoryGrainTests(EmbeddedClusterFixture fixture)
{
    [Fact]
    public async Task A_defined_category_keeps_its_bilingual_rubric_across_deactivation()
    {
        var grain = fixture.Grains.GetGrain<ICategoryGrain>(CategoryIds.Wisdom);
        await grain.DefineAsync(TestData.Category(CategoryIds.Wisdom));

        await fixture.DeactivateAsync(grain);
        var category = await grain.GetAsync();

        Assert.NotNull(category);
        Assert.Equal([40, 30, 20, 10], category.Rubric.Criteria.Select(c => c.WeightPercent));
        Assert.Equal("体现奖项精神", category.Rubric.Criteria[0].Name.ZhCn);
    }

    [Fact]
    public async Task A_rubric_not_adding_up_to_100_is_refused_and_the_stored_one_kept()
    {
        var grain = fixture.Grains.GetGrain<ICategoryGrain>(CategoryIds.Magnanimity);
        await grain.DefineAsync(TestData.Category(CategoryIds.Magnanimity));
        var good = TestData.Category(CategoryIds.Magnanimity);
        var bad = good with { Rubric = new Rubric(good.Rubric.Criteria.Skip(1).ToList()) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => grain.DefineAsync(bad));

        Assert.Contains("60%", error.Message);
        Assert.Equal(4, (await grain.GetAsync())!.Rubric.Criteria.Count);
    }

    [Fact]
    public async Task A_category_cannot_be_stored_under_another_id()
    {
        var grain = fixture.Grains.GetGrain<ICategoryGrain>(CategoryIds.Excellence);

        await Assert.ThrowsAsync<ArgumentException>(() => grain.DefineAsync(TestData.Category(CategoryIds.Inclusiveness)));
    }
}
