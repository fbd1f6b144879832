using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Nominations;

/// <summary>Photos travel with a nomination; the gallery shows exactly the public ones; duplicates are merged.</summary>
[Collection(EmbeddedClusterCollection.Name)]
public sealed class GalleryAndPhotosTests(EmbeddedClusterFixture fixture)
{
    private async Task<string> CampaignAsync()
    {
        var id = TestData.UniqueId("campaign");
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
        await campaign.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");
        await campaign.AdvanceToAsync(CampaignPhase.Nominating, "admin:test");
        return id;
    }

    private async Task<INominationGrain> SubmitAsync(string campaignId, NominationDraft draft, IReadOnlyList<string>? photoIds = null, string resident = "resident-1")
    {
        var outcome = await fixture.Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, resident))
            .SubmitAsync("n-" + Guid.NewGuid().ToString("N"), draft, photoIds ?? []);
        Assert.True(outcome.Succeeded, outcome.Refusal);
        return fixture.Grains.GetGrain<INominationGrain>(outcome.Nomination!.Id);
    }

    private Task ScreeningAsync(string campaignId) =>
        fixture.Grains.GetGrain<ICampaignGrain>(campaignId).AdvanceToAsync(CampaignPhase.Screening, "admin:test");

    private IPublicGalleryGrain Gallery(string campaignId) => fixture.Grains.GetGrain<IPublicGalleryGrain>(campaignId);

    [Fact]
    public async Task Photos_are_kept_in_order_and_a_repeat_with_other_photos_is_refused()
    {
        var campaignId = await CampaignAsync();
        var photos = TestData.PhotoIds(2);
        var id = "n-" + Guid.NewGuid().ToString("N");
        var resident = fixture.Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, "resident-1"));

        var first = await resident.SubmitAsync(id, TestData.Draft(), photos);
        var repeat = await resident.SubmitAsync(id, TestData.Draft(), photos);
        var otherPhotos = await resident.SubmitAsync(id, TestData.Draft(), TestData.PhotoIds(1));

        Assert.True(first.Created);
        Assert.Equal(photos, first.Nomination!.PhotoIds);
        Assert.Equal(2, first.Nomination.Draft.PhotoCount);
        Assert.True(repeat.Succeeded);
        Assert.False(repeat.Created); // so the consent email goes out once
        Assert.Equal(RefusalCodes.IdInUse, otherPhotos.Refusal);
        Assert.Equal(photos, (await fixture.Grains.GetGrain<INominationGrain>(id).GetAsync())!.PhotoIds);
    }

    [Fact]
    public async Task Photo_ids_the_site_did_not_make_are_a_programming_error()
    {
        var campaignId = await CampaignAsync();
        var resident = fixture.Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, "resident-1"));

        await Assert.ThrowsAsync<ArgumentException>(() => resident.SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), ["../../etc/passwd"]));
        Assert.Empty(await resident.ListAsync());
    }

    [Fact]
    public async Task The_gallery_shows_a_nomination_only_while_it_is_approved_and_consented()
    {
        var campaignId = await CampaignAsync();
        var photos = TestData.PhotoIds(1);
        var nomination = await SubmitAsync(campaignId, TestData.Draft(), photos);
        await nomination.ConsentAsync(ConsentAction.Give);
        Assert.Equal(0, (await Gallery(campaignId).QueryAsync(new(null, null, 1, 10))).Total); // consented, not approved
        await ScreeningAsync(campaignId);

        await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);
        var shown = await Gallery(campaignId).QueryAsync(new(null, null, 1, 10));
        await nomination.ConsentAsync(ConsentAction.Withdraw);
        var afterWithdrawal = await Gallery(campaignId).QueryAsync(new(null, null, 1, 10));

        var entry = Assert.Single(shown.Entries);
        Assert.Equal("王小虎", entry.NomineeName);
        Assert.Equal(photos, entry.PhotoIds);
        Assert.Equal(EmbeddedClusterFixture.Clock.GetUtcNow(), entry.PublicSince);
        Assert.Empty(afterWithdrawal.Entries);
        Assert.Null((await nomination.GetAsync())!.PublicSince);
    }

    [Fact]
    public async Task The_gallery_filters_pages_newest_first_and_survives_deactivation()
    {
        var campaignId = await CampaignAsync();
        var nominations = new List<INominationGrain>();
        foreach (var (name, category, district) in new[]
                 {
                     ("甲一", CategoryIds.Wisdom, "pudong"), ("乙二", CategoryIds.Wisdom, "xuhui"),
                     ("丙三", CategoryIds.Excellence, "pudong"), ("丁四", CategoryIds.Wisdom, "pudong"),
                 })
        {
            var nomination = await SubmitAsync(campaignId, TestData.Draft(name) with { CategoryId = category, DistrictId = district });
            await nomination.ConsentAsync(ConsentAction.Give);
            nominations.Add(nomination);
        }
        await ScreeningAsync(campaignId);
        foreach (var nomination in nominations)
        {
            EmbeddedClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1)); // approved one after another
            await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);
        }
        await fixture.DeactivateAsync(Gallery(campaignId));

        var wisdomInPudong = await Gallery(campaignId).QueryAsync(new(CategoryIds.Wisdom, "pudong", 1, 10));
        var firstPage = await Gallery(campaignId).QueryAsync(new(null, null, 1, 3));
        var pastTheEnd = await Gallery(campaignId).QueryAsync(new(null, null, 9, 3));

        Assert.Equal(["丁四", "甲一"], wisdomInPudong.Entries.Select(e => e.NomineeName));
        Assert.Equal(["丁四", "丙三", "乙二"], firstPage.Entries.Select(e => e.NomineeName));
        Assert.Equal((4, 2), (firstPage.Total, firstPage.PageCount));
        Assert.Equal(2, pastTheEnd.Page);
        Assert.Equal(["甲一"], pastTheEnd.Entries.Select(e => e.NomineeName));
    }

    [Fact]
    public async Task Gallery_entries_carry_a_short_excerpt_and_nothing_private()
    {
        var campaignId = await CampaignAsync();
        var story = string.Concat(Enumerable.Repeat("她每天清晨为独居老人送早饭。", 20)); // 280 characters
        var nomination = await SubmitAsync(campaignId, TestData.Draft() with { StoryZh = story, NomineeEmail = "private@example.org" });
        await nomination.ConsentAsync(ConsentAction.Give);
        await ScreeningAsync(campaignId);
        await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);

        var entry = Assert.Single((await Gallery(campaignId).QueryAsync(new(null, null, null, null))).Entries);

        Assert.Equal(story[..120] + "…", entry.StoryZhExcerpt);
        Assert.DoesNotContain("private@example.org", entry.ToString());
        Assert.DoesNotContain("resident-1", entry.ToString());
    }

    [Fact]
    public async Task A_moderator_merges_a_duplicate_into_another_live_nomination_of_the_same_person()
    {
        var campaignId = await CampaignAsync();
        var first = await SubmitAsync(campaignId, TestData.Draft("王小虎"));
        var duplicate = await SubmitAsync(campaignId, TestData.Draft("王小虎"), resident: "resident-2");
        var third = await SubmitAsync(campaignId, TestData.Draft("王小虎"), resident: "resident-3");
        var tooEarly = await duplicate.MergeIntoAsync(first.GetPrimaryKeyString(), "moderator-1");
        await ScreeningAsync(campaignId);

        var intoItself = await duplicate.MergeIntoAsync(duplicate.GetPrimaryKeyString(), "moderator-1");
        var merged = await duplicate.MergeIntoAsync(first.GetPrimaryKeyString(), "moderator-1");
        var again = await duplicate.MergeIntoAsync(first.GetPrimaryKeyString(), "moderator-1");
        await first.ModerateAsync(ModerationAction.Reject, "moderator-1", "无法核实");
        var intoRejected = await third.MergeIntoAsync(first.GetPrimaryKeyString(), "moderator-1");

        Assert.Equal(RefusalCodes.WrongPhase, tooEarly.Refusal);
        Assert.Equal(RefusalCodes.SameNomination, intoItself.Refusal);
        Assert.Equal(NominationStatus.Merged, merged.Nomination!.Status);
        Assert.Equal("moderation: Merge", merged.Nomination.History[^1].Action);
        Assert.Equal(first.GetPrimaryKeyString(), merged.Nomination.History[^1].Note);
        Assert.Equal(RefusalCodes.AlreadyDone, again.Refusal);
        Assert.Equal(RefusalCodes.TargetNotMergeable, intoRejected.Refusal);
        Assert.Equal(NominationStatus.Submitted, (await third.GetAsync())!.Status);
    }
}
