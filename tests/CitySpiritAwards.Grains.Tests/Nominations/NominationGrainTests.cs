using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Nominations;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class NominationGrainTests(EmbeddedClusterFixture fixture)
{
    private async Task<string> NewCampaignAsync()
    {
        var id = TestData.UniqueId("campaign");
        await fixture.Grains.GetGrain<ICampaignGrain>(id).CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");
        return id;
    }

    [Fact]
    public async Task Submitting_the_same_nomination_twice_stores_it_once()
    {
        var campaignId = await NewCampaignAsync();
        var grain = fixture.Grains.GetGrain<INominationGrain>(TestData.UniqueId("nomination"));

        var first = await grain.SubmitAsync(TestData.Nomination(campaignId));
        var second = await grain.SubmitAsync(TestData.Nomination(campaignId));

        Assert.Equal(first, second);
        var campaign = await fixture.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        Assert.Equal([grain.GetPrimaryKeyString()], campaign!.NominationIds);
    }

    [Fact]
    public async Task Reusing_an_id_for_different_content_is_refused_and_the_first_is_kept()
    {
        var campaignId = await NewCampaignAsync();
        var grain = fixture.Grains.GetGrain<INominationGrain>(TestData.UniqueId("nomination"));
        await grain.SubmitAsync(TestData.Nomination(campaignId));

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.SubmitAsync(TestData.Nomination(campaignId, story: "别的故事")));

        Assert.Equal("二十年如一日。", (await grain.GetAsync())!.Content.Story.ZhCn);
    }

    [Fact]
    public async Task A_nomination_for_an_unknown_category_is_refused()
    {
        var campaignId = await NewCampaignAsync();
        var grain = fixture.Grains.GetGrain<INominationGrain>(TestData.UniqueId("nomination"));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.SubmitAsync(TestData.Nomination(campaignId) with { CategoryId = "bravery" }));

        Assert.Null(await grain.GetAsync());
    }
}
