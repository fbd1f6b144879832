using System.Net;
using System.Text.RegularExpressions;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>One site for the tests of the lists (moderators' queue, gallery); each test makes its own campaign.</summary>
public sealed class ListsSite : IAsyncLifetime
{
    public AwardsAppFactory App { get; } = new(new Dictionary<string, string?>
    {
        ["CitySpiritAwards:SeedDemo"] = "false",
        ["Account:SignupPermitLimit"] = "1000",
    });

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    public async Task<AccountBrowser> ModeratorAsync(string culture = "en")
    {
        var email = AccountBrowser.NewEmail("moderator");
        await new AccountBrowser(App).RegisterAndConfirmAsync(email, "Moderator-pass-1");
        var browser = new AccountBrowser(App, culture);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Moderator);
        }
        await browser.SignInAsync(email, "Moderator-pass-1");
        return browser;
    }

    /// <summary>A campaign taking nominations, with one nomination per (name, award, district) from a resident of its own; its phases are moved by hand.</summary>
    public async Task<(string CampaignId, IReadOnlyList<string> NominationIds)> CampaignAsync(params (string Name, string Category, string District)[] nominees)
    {
        var id = $"mod-{Guid.NewGuid():N}"[..20];
        var campaign = Grains.GetGrain<ICampaignGrain>(id);
        var start = DateTimeOffset.UtcNow.AddYears(1); // far ahead: no scheduled change interferes
        await campaign.CreateAsync(new NewCampaign(
            new LocalizedText("审核列表测试", "Moderation list test"), new LocalizedText("测试", "Test"),
            new CampaignSchedule(CampaignSchedule.ScheduledPhases.Select((phase, i) => new PhaseWindow(phase, start.AddDays(7 * i))).ToList()),
            CampaignSettings.Default), "test");
        await campaign.AdvanceToAsync(CampaignPhase.Nominating, "test");
        var ids = new List<string>();
        foreach (var (name, category, district) in nominees)
        {
            var draft = new NominationDraft(category, district, name, Relationships.Neighbour,
                "她在社区服务中心教老人用手机办事，每周三下午雷打不动，已经坚持了六年。一网通办、看病挂号、交水电费，她都一步一步写成大字卡片，街坊都叫她“手机老师”。", null, "nominee@example.org", 0);
            var outcome = await Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(id, $"resident-{Guid.NewGuid():N}"))
                .SubmitAsync($"n{Guid.NewGuid():N}", draft, []);
            Assert.True(outcome.Succeeded, outcome.Refusal ?? string.Join(", ", outcome.Problems.Select(p => p.Code)));
            ids.Add(outcome.Nomination!.Id);
        }
        return (id, ids);
    }

    /// <summary>Makes the nominations public: the nominee agrees and a moderator approves, during Screening.</summary>
    public async Task PublishAsync(string campaignId, IEnumerable<string> nominationIds)
    {
        await ScreeningAsync(campaignId);
        foreach (var id in nominationIds)
        {
            var nomination = Grains.GetGrain<INominationGrain>(id);
            await nomination.ConsentAsync(ConsentAction.Give, round: 0);
            Assert.True((await nomination.ModerateAsync(ModerationAction.Approve, "moderator:test", null)).Succeeded);
        }
    }

    public Task ScreeningAsync(string campaignId) => Grains.GetGrain<ICampaignGrain>(campaignId).AdvanceToAsync(CampaignPhase.Screening, "test");

    public async Task<NominationStatus> StatusAsync(string nominationId) => (await Grains.GetGrain<INominationGrain>(nominationId).GetAsync())!.Status;
}

/// <summary>
/// A moderator with thousands of nominations works through them a page at a time: tabs with counts, filters, a search
/// by part of a name in Chinese or Latin letters, possible duplicates, approving a selection, and only the actions the
/// phase allows. Everything is answered from the nominations table.
/// </summary>
public sealed partial class ModerationListTests(ListsSite site) : IClassFixture<ListsSite>
{
    private static readonly (string, string, string)[] Three =
    [
        ("林晓梅", CategoryIds.Wisdom, "pudong"), ("Lin Xiaomei", CategoryIds.Excellence, "xuhui"), ("王建国", CategoryIds.Excellence, "pudong"),
    ];

    private static IReadOnlyList<string> Names(string html) => CardName().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<li class=\"card\">\\s*<h2>([^<]+)</h2>")]
    private static partial Regex CardName();

    [Fact]
    public async Task The_queue_shows_fifty_a_page_with_a_count_per_status()
    {
        var (campaignId, ids) = await site.CampaignAsync(Enumerable.Range(1, 55).Select(i => ($"居民{i:D2}", CategoryIds.Magnanimity, "jingan")).ToArray());
        await site.ScreeningAsync(campaignId);
        foreach (var id in ids.Take(3))
            await site.Grains.GetGrain<INominationGrain>(id).ModerateAsync(ModerationAction.Approve, "moderator:test", null);
        var moderator = await site.ModeratorAsync();

        var (status, first) = await moderator.GetAsync($"/moderation/{campaignId}");
        var (_, second) = await moderator.GetAsync($"/moderation/{campaignId}?status=Submitted&page=2");
        var (_, approved) = await moderator.GetAsync($"/moderation/{campaignId}?status=Approved");
        var (_, all) = await moderator.GetAsync($"/moderation/{campaignId}?status=all&page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(50, Names(first).Count);
        Assert.Equal(2, Names(second).Count);
        Assert.Empty(Names(first).Intersect(Names(second)));
        Assert.Contains("52 nominations", first);
        Assert.Contains("Page 1 of 2", first);
        Assert.Matches("Waiting <span class=\"count\">52</span>", first);
        Assert.Matches("Approved <span class=\"count\">3</span>", first);
        Assert.Equal(3, Names(approved).Count);
        Assert.Equal(5, Names(all).Count); // 55 in all, 50 on page 1
    }

    [Theory]
    [InlineData("晓梅", "林晓梅")]
    [InlineData("xiaomei", "Lin Xiaomei")]
    [InlineData("LIN XIAO", "Lin Xiaomei")]
    [InlineData("林 晓", "林晓梅")]
    [InlineData("王建国", "王建国")]
    public async Task A_search_finds_a_part_of_a_name_in_Chinese_or_Latin_letters(string search, string found)
    {
        var (campaignId, _) = await site.CampaignAsync(Three);
        var moderator = await site.ModeratorAsync();

        var (_, html) = await moderator.GetAsync($"/moderation/{campaignId}?q={Uri.EscapeDataString(search)}");

        Assert.Equal([found], Names(html));
    }

    [Fact]
    public async Task Filters_by_award_and_district_narrow_the_list_and_keep_each_other()
    {
        var (campaignId, _) = await site.CampaignAsync(Three);
        var moderator = await site.ModeratorAsync();

        var (_, excellence) = await moderator.GetAsync($"/moderation/{campaignId}?category=excellence");
        var (_, excellenceInPudong) = await moderator.GetAsync($"/moderation/{campaignId}?category=excellence&district=pudong");
        var (_, nowhere) = await moderator.GetAsync($"/moderation/{campaignId}?category=excellence&district=chongming");

        Assert.Equal(["Lin Xiaomei", "王建国"], Names(excellence).Order(StringComparer.Ordinal));
        Assert.Equal(["王建国"], Names(excellenceInPudong));
        Assert.Empty(Names(nowhere));
        Assert.Contains("0 nominations", nowhere);
        // The tabs keep the filters, so switching status stays on the same award and district.
        Assert.Contains("href=\"?status=Approved&amp;category=excellence&amp;district=pudong\"", await RawAsync(moderator, $"/moderation/{campaignId}?category=excellence&district=pudong"));
    }

    [Fact]
    public async Task Only_possible_duplicates_lists_the_nominations_that_share_a_name_and_a_district()
    {
        var (campaignId, _) = await site.CampaignAsync(
            ("曹永福", CategoryIds.Excellence, "songjiang"), ("曹 永福", CategoryIds.Wisdom, "songjiang"),
            ("曹永福", CategoryIds.Excellence, "xuhui"), ("钱阿婆", CategoryIds.Excellence, "songjiang"));
        await site.ScreeningAsync(campaignId);
        var moderator = await site.ModeratorAsync();

        var (_, html) = await moderator.GetAsync($"/moderation/{campaignId}?duplicates=true");

        Assert.Equal(["曹 永福", "曹永福"], Names(html).Order(StringComparer.Ordinal));
        Assert.Equal(2, Regex.Matches(html, "Possible duplicate").Count);
        Assert.Equal(2, Regex.Matches(html, "Merge into").Count);
    }

    [Fact]
    public async Task Approving_the_ticked_nominations_asks_for_the_confirmation_first_then_approves_each_once()
    {
        var (campaignId, ids) = await site.CampaignAsync(Three);
        await site.ScreeningAsync(campaignId);
        var moderator = await site.ModeratorAsync();
        var queue = $"/moderation/{campaignId}";
        var bulk = $"{queue}?handler=Bulk";

        var (_, unconfirmed) = await moderator.SubmitAndFollowAsync(bulk, Form(("ids", ids[0])), queue);
        var unchanged = await site.StatusAsync(ids[0]);
        var (_, confirmed) = await moderator.SubmitAndFollowAsync(bulk,
            Form(("ids", ids[0]), ("ids", ids[1]), ("confirm", "true"), ("view", "?status=Approved&category=excellence")), queue);
        var (_, again) = await moderator.SubmitAndFollowAsync(bulk, Form(("ids", ids[0]), ("confirm", "true")), queue);

        Assert.Contains("Please tick “I have read the ticked nominations” first. Nothing changed.", unconfirmed);
        Assert.Equal(NominationStatus.Submitted, unchanged);
        Assert.Contains("Approved 2 nominations, and recorded each in the audit log.", confirmed);
        Assert.Equal(["Lin Xiaomei"], Names(confirmed)); // back on the view it came from: approved, for excellence
        Assert.Equal([NominationStatus.Approved, NominationStatus.Approved, NominationStatus.Submitted],
            [await site.StatusAsync(ids[0]), await site.StatusAsync(ids[1]), await site.StatusAsync(ids[2])]);
        Assert.Contains("Approved 0 nominations", again);
        Assert.Contains("林晓梅: nothing changed. This has already been done.", again);
    }

    [Theory]
    [InlineData("en", "Screening starts on", "Approve", "Hide")]
    [InlineData("zh-CN", "审核阶段将于上海时间", "通过", "隐藏")]
    public async Task Before_screening_the_queue_says_when_it_opens_and_offers_only_hiding(string culture, string notice, string approve, string hide)
    {
        var (campaignId, _) = await site.CampaignAsync(Three);
        var moderator = await site.ModeratorAsync(culture);

        var (_, html) = await moderator.GetAsync($"/moderation/{campaignId}");

        Assert.Contains(notice, html);
        Assert.DoesNotContain($"value=\"Approve\" class=\"button\">{approve}</button>", html);
        Assert.Contains($">{hide}</button>", html);
        Assert.DoesNotContain("name=\"ids\"", html); // nothing to approve in bulk either
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));

    private static async Task<string> RawAsync(AccountBrowser browser, string path) =>
        await (await browser.Client.GetAsync(browser.Url(path))).Content.ReadAsStringAsync();
}

/// <summary>The public gallery a page at a time, searched by name, from the nominations table.</summary>
public sealed partial class GalleryListTests(ListsSite site) : IClassFixture<ListsSite>
{
    [GeneratedRegex("<h3><a href=\"/nominations/[^\"]+\">([^<]+)</a></h3>")]
    private static partial Regex CardName();

    private static IReadOnlyList<string> Names(string html) => CardName().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task The_second_page_shows_the_rest_newest_first_and_a_search_keeps_to_matching_names()
    {
        var (campaignId, ids) = await site.CampaignAsync(Enumerable.Range(1, 14).Select(i => ($"街坊{i:D2}", CategoryIds.Inclusiveness, "hongkou")).ToArray());
        await site.PublishAsync(campaignId, ids);
        var visitor = new AccountBrowser(site.App);

        var (_, first) = await visitor.GetAsync($"/campaigns/{campaignId}/gallery");
        var (_, second) = await visitor.GetAsync($"/campaigns/{campaignId}/gallery?page=2");
        var (_, search) = await visitor.GetAsync($"/campaigns/{campaignId}/gallery?q={Uri.EscapeDataString("坊1")}");

        Assert.Equal(12, Names(first).Count);
        Assert.Equal(["街坊02", "街坊01"], Names(second)); // approved first, so shown last
        Assert.Contains("Page 2 of 2", second);
        Assert.Equal(["街坊14", "街坊13", "街坊12", "街坊11", "街坊10"], Names(search));
    }

    [Fact]
    public async Task A_card_shows_the_start_of_a_long_story_cut_at_a_character()
    {
        var story = string.Concat(Enumerable.Repeat("她每天清晨为独居老人送早饭。", 20)); // 280 characters
        var card = Gallery.GalleryCard.From(new Storage.Nominations.NominationListing(
            "n1", "c", "r", CategoryIds.Magnanimity, "pudong", "王阿姨", Relationships.Neighbour, story, null,
            NominationStatus.Approved, NomineeConsent.Given, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], null, "pudong:王阿姨", []));

        Assert.Equal(story[..120] + "…", card.StoryZhExcerpt);
        Assert.Null(card.StoryEnExcerpt);
    }
}
