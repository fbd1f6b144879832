using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Judging;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class ShortlistGrainTests(EmbeddedClusterFixture fixture)
{
    [Fact]
    public async Task The_first_published_shortlist_stands_and_survives_deactivation()
    {
        var campaignId = TestData.UniqueId("campaign");
        var grain = fixture.Grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, "wisdom"));
        Assert.Null(await grain.GetAsync());

        var first = await grain.PublishAsync([new("b", 2, -0.5, 6.5m, 3), new("a", 1, 0.5, 8m, 3)], "job:shortlist");
        var again = await grain.PublishAsync([new("c", 1, 1.0, 9m, 3)], "admin:someone");
        await fixture.DeactivateAsync(grain);
        var stored = await grain.GetAsync();

        Assert.Equal(["a", "b"], first.Entries.Select(e => e.NominationId));
        Assert.Equal(campaignId, first.CampaignId);
        Assert.Equal("wisdom", first.CategoryId);
        Assert.Equal(first.Entries, again.Entries);
        Assert.Equal(first.Entries, stored!.Entries);
        Assert.Equal("job:shortlist", stored.PublishedBy);
        Assert.True(stored.Contains("b"));
        Assert.False(stored.Contains("c"));
    }
}
