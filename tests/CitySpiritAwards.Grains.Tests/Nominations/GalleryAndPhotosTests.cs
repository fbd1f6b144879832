using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Tests.Support;
using CitySpiritAwards.Storage.Nominations;
using Dapper;

namespace CitySpiritAwards.Grains.Tests.Nominations;

/// <summary>Photos travel with a nomination; the gallery (the read table) shows exactly the public ones; duplicates are merged.</summary>
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

    private Task<GalleryPage> GalleryAsync(string campaignId, string? category = null, string? district = null, int? page = 1, int? size = 10) =>
        fixture.Nominations.GalleryAsync(campaignId, new GalleryFilter(category, district), page, size);

    /// <summary>Changes a row behind its grain's back, as a lost or wrong write would leave it.</summary>
    private static async Task TamperAsync(string sql, object parameters)
    {
        await using var connection = await EmbeddedClusterFixture.ReadTables.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

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
        await nomination.ConsentAsync(ConsentAction.Give, round: 0);
        Assert.Equal(0, (await GalleryAsync(campaignId)).Paging.Total); // consented, not approved
        await ScreeningAsync(campaignId);

        await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);
        var shown = await GalleryAsync(campaignId);
        await nomination.ConsentAsync(ConsentAction.Withdraw, round: 0);
        var afterWithdrawal = await GalleryAsync(campaignId);

        var entry = Assert.Single(shown.Items);
        Assert.Equal("王小虎", entry.NomineeName);
        Assert.Equal(photos, entry.PhotoIds);
        Assert.Equal(EmbeddedClusterFixture.Clock.GetUtcNow(), entry.PublicSince);
        Assert.Empty(afterWithdrawal.Items);
        Assert.Null((await nomination.GetAsync())!.PublicSince);
    }

    [Fact]
    public async Task The_gallery_filters_pages_newest_first_and_searches_by_part_of_a_name()
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
            await nomination.ConsentAsync(ConsentAction.Give, round: 0);
            nominations.Add(nomination);
        }
        await ScreeningAsync(campaignId);
        foreach (var nomination in nominations)
        {
            EmbeddedClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1)); // approved one after another
            await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);
        }

        var wisdomInPudong = await GalleryAsync(campaignId, CategoryIds.Wisdom, "pudong");
        var firstPage = await GalleryAsync(campaignId, size: 3);
        var pastTheEnd = await GalleryAsync(campaignId, page: 9, size: 3);
        var search = await fixture.Nominations.GalleryAsync(campaignId, new GalleryFilter(Search: "三"), 1, 10);

        Assert.Equal(["丁四", "甲一"], wisdomInPudong.Items.Select(e => e.NomineeName));
        Assert.Equal(["丁四", "丙三", "乙二"], firstPage.Items.Select(e => e.NomineeName));
        Assert.Equal((4, 2), (firstPage.Paging.Total, firstPage.Paging.PageCount));
        Assert.Equal(2, pastTheEnd.Paging.Page);
        Assert.Equal(["甲一"], pastTheEnd.Items.Select(e => e.NomineeName));
        Assert.Equal(["丙三"], search.Items.Select(e => e.NomineeName));
    }

    [Fact]
    public async Task Gallery_rows_keep_the_whole_story_for_the_page_to_shorten()
    {
        var campaignId = await CampaignAsync();
        var story = string.Concat(Enumerable.Repeat("她每天清晨为独居老人送早饭。", 20)); // 280 characters
        var nomination = await SubmitAsync(campaignId, TestData.Draft() with { StoryZh = story });
        await nomination.ConsentAsync(ConsentAction.Give, round: 0);
        await ScreeningAsync(campaignId);
        await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);

        var entry = Assert.Single((await GalleryAsync(campaignId, page: null, size: null)).Items);

        Assert.Equal(story, entry.StoryZh);
        Assert.Null(entry.StoryEn);
    }

    [Fact]
    public async Task A_row_the_table_lost_is_written_again_when_its_nomination_is_refreshed()
    {
        var campaignId = await CampaignAsync();
        var nomination = fixture.Grains.GetGrain<INominationGrain>(TestData.UniqueId("imported"));
        await nomination.ImportApprovedAsync(new NominationSubmission(campaignId, "seed", TestData.Draft("旧数据"), []), "seed");
        await TamperAsync("DELETE FROM nominations WHERE id = @Id", new { Id = nomination.GetPrimaryKeyString() });
        Assert.Empty((await GalleryAsync(campaignId)).Items);

        await nomination.RefreshIndexAsync();

        Assert.Equal(["旧数据"], (await GalleryAsync(campaignId)).Items.Select(e => e.NomineeName));
    }

    [Fact]
    public async Task Withdrawing_consent_again_takes_the_entry_down_if_the_first_time_missed_the_table()
    {
        var campaignId = await CampaignAsync();
        var nomination = await SubmitAsync(campaignId, TestData.Draft("补救"));
        await nomination.ConsentAsync(ConsentAction.Give, round: 0);
        await ScreeningAsync(campaignId);
        await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);
        var entry = Assert.Single((await GalleryAsync(campaignId)).Items);
        fixture.NominationIndex.FailRowWritesOf(entry.Id); // the first withdrawal's row write is lost
        await nomination.ConsentAsync(ConsentAction.Withdraw, round: 0);
        fixture.NominationIndex.Heal(entry.Id);
        Assert.Single((await GalleryAsync(campaignId)).Items);

        var again = await nomination.ConsentAsync(ConsentAction.Withdraw, round: 0);

        Assert.Equal(RefusalCodes.AlreadyDone, again.Refusal);
        Assert.Empty((await GalleryAsync(campaignId)).Items);
    }

    [Fact]
    public async Task An_edit_keeps_only_photos_still_attached_and_adds_new_ones()
    {
        var campaignId = await CampaignAsync();
        var photos = TestData.PhotoIds(3);
        var nomination = await SubmitAsync(campaignId, TestData.Draft(), [photos[0], photos[1]]);
        // Another tab removed photo 0 first; this edit still believes it is there.
        await nomination.EditAsync("resident-1", TestData.Draft(), [photos[1]], []);

        var edited = await nomination.EditAsync("resident-1", TestData.Draft(), [photos[0], photos[1]], [photos[2]]);

        Assert.Equal([photos[1], photos[2]], edited.Nomination!.PhotoIds);
    }

    private INominationMergeGrain Merges(string campaignId) => fixture.Grains.GetGrain<INominationMergeGrain>(campaignId);

    [Fact]
    public async Task A_moderator_merges_a_duplicate_into_another_live_nomination_of_the_same_person()
    {
        var campaignId = await CampaignAsync();
        var first = (await SubmitAsync(campaignId, TestData.Draft("王小虎"))).GetPrimaryKeyString();
        var duplicate = (await SubmitAsync(campaignId, TestData.Draft("王小虎"), resident: "resident-2")).GetPrimaryKeyString();
        var third = (await SubmitAsync(campaignId, TestData.Draft("王小虎"), resident: "resident-3")).GetPrimaryKeyString();
        var tooEarly = await Merges(campaignId).MergeAsync(duplicate, first, "moderator-1");
        await ScreeningAsync(campaignId);

        var intoItself = await Merges(campaignId).MergeAsync(duplicate, duplicate, "moderator-1");
        var merged = await Merges(campaignId).MergeAsync(duplicate, first, "moderator-1");
        var again = await Merges(campaignId).MergeAsync(duplicate, first, "moderator-1");
        await fixture.Grains.GetGrain<INominationGrain>(first).ModerateAsync(ModerationAction.Reject, "moderator-1", "无法核实");
        var intoRejected = await Merges(campaignId).MergeAsync(third, first, "moderator-1");
        var elsewhere = await Merges(TestData.UniqueId("other-campaign")).MergeAsync(third, first, "moderator-1");

        Assert.Equal(RefusalCodes.WrongPhase, tooEarly.Refusal);
        Assert.Equal(RefusalCodes.SameNomination, intoItself.Refusal);
        Assert.Equal(NominationStatus.Merged, merged.Nomination!.Status);
        Assert.Equal("moderation: Merge", merged.Nomination.History[^1].Action);
        Assert.Equal(first, merged.Nomination.History[^1].Note);
        Assert.Equal(RefusalCodes.AlreadyDone, again.Refusal);
        Assert.Equal(RefusalCodes.TargetNotMergeable, intoRejected.Refusal);
        Assert.Equal(RefusalCodes.NotFound, elsewhere.Refusal);
        Assert.Equal(NominationStatus.Submitted, (await fixture.Grains.GetGrain<INominationGrain>(third).GetAsync())!.Status);
    }

    [Fact]
    public async Task Two_moderators_merging_two_duplicates_into_each_other_at_once_merge_one()
    {
        var campaignId = await CampaignAsync();
        var a = (await SubmitAsync(campaignId, TestData.Draft("李阿姨"))).GetPrimaryKeyString();
        var b = (await SubmitAsync(campaignId, TestData.Draft("李阿姨"), resident: "resident-2")).GetPrimaryKeyString();
        await ScreeningAsync(campaignId);

        var outcomes = await Task.WhenAll(Merges(campaignId).MergeAsync(a, b, "moderator-1"), Merges(campaignId).MergeAsync(b, a, "moderator-2"));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Refusal == RefusalCodes.TargetNotMergeable);
        var statuses = new[] { (await fixture.Grains.GetGrain<INominationGrain>(a).GetAsync())!.Status, (await fixture.Grains.GetGrain<INominationGrain>(b).GetAsync())!.Status };
        Assert.Equal([NominationStatus.Submitted, NominationStatus.Merged], statuses.Order());
    }
}
