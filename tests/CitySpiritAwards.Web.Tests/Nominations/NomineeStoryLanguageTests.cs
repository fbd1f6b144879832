using System.Text.RegularExpressions;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>
/// A story written in one language only is shown to readers of the other language with a note saying so, in the
/// reader's language, and marked with its own lang, on the nominee's page, the gallery card and the voting page (issue 16).
/// Readers of the language it was written in see no note.
/// </summary>
public sealed partial class NomineeStoryLanguageTests(TakenDownEntryTests.Site site) : IClassFixture<TakenDownEntryTests.Site>
{
    private const string ChineseStory = "她每天清晨为弄堂里的独居老人送早饭，风雨无阻，已经坚持了整整十年。";
    private const string EnglishStory = "He has mended the bicycles of the whole lane for free every Saturday for fifteen years.";
    private const string OnlyChinese = "Written in Chinese only.";
    private const string OnlyEnglish = "仅有英文版本。";

    private AwardsAppFactory App => site.App;

    /// <summary>A campaign in public voting whose two wisdom entries have a story in one language each.</summary>
    private async Task<(VotingCampaign Campaign, string ChineseOnly, string EnglishOnly)> CampaignAsync()
    {
        var campaign = await VotingCampaign.CreateAsync(App, entriesPerCategory: 2);
        var (chineseOnly, englishOnly) = (campaign.In("wisdom")[0], campaign.In("wisdom")[1]);
        await ImportAsync(campaign, chineseOnly, "只写中文的候选人", ChineseStory, null);
        await ImportAsync(campaign, englishOnly, "Only-English nominee", null, EnglishStory);
        return (campaign, chineseOnly, englishOnly);
    }

    private static Task ImportAsync(VotingCampaign campaign, string id, string name, string? storyZh, string? storyEn) =>
        campaign.Grains.GetGrain<INominationGrain>(id).ImportApprovedAsync(new NominationSubmission(campaign.Id, "test-nominator", new NominationDraft(
            "wisdom", "xuhui", name, Relationships.Neighbour, storyZh, storyEn, "nominee@example.org", 0), PhotoIds: []), "test");

    private async Task<IReadOnlyList<string>> PagesAsync(VotingCampaign campaign, string nominationId, string culture)
    {
        var visitor = new AccountBrowser(App, culture);
        var pages = new List<string>();
        foreach (var path in new[] { $"/nominations/{nominationId}", $"/campaigns/{campaign.Id}/gallery?category=wisdom", $"/campaigns/{campaign.Id}/vote" })
        {
            var (_, html) = await visitor.GetAsync(path);
            pages.Add(BetweenTags().Replace(html, "><"));
        }
        return pages;
    }

    [Fact]
    public async Task A_story_written_only_in_Chinese_says_so_to_English_readers_and_not_to_Chinese_ones()
    {
        var (campaign, chineseOnly, _) = await CampaignAsync();

        foreach (var page in await PagesAsync(campaign, chineseOnly, "en"))
            Assert.Contains($"<p class=\"meta story-note\">{OnlyChinese}</p><p lang=\"zh-CN\" class=\"story\">{ChineseStory}</p>", page);
        foreach (var page in await PagesAsync(campaign, chineseOnly, "zh-CN"))
        {
            Assert.Contains($"<p lang=\"zh-CN\" class=\"story\">{ChineseStory}</p>", page);
            Assert.DoesNotContain($"{OnlyEnglish}</p><p lang=\"zh-CN\"", page);
            Assert.DoesNotContain("仅有中文版本。", page);
        }
    }

    [Fact]
    public async Task A_story_written_only_in_English_says_so_to_Chinese_readers_and_not_to_English_ones()
    {
        var (campaign, _, englishOnly) = await CampaignAsync();
        const string story = EnglishStory;

        foreach (var page in await PagesAsync(campaign, englishOnly, "zh-CN"))
            Assert.Contains($"<p class=\"meta story-note\">{OnlyEnglish}</p><p lang=\"en\" class=\"story\">{story}</p>", page);
        foreach (var page in await PagesAsync(campaign, englishOnly, "en"))
        {
            Assert.Contains($"<p lang=\"en\" class=\"story\">{story}</p>", page);
            Assert.DoesNotContain($"{OnlyChinese}</p><p lang=\"en\"", page);
            Assert.DoesNotContain("Written in English only.", page);
        }
    }

    [Fact]
    public void The_reader_gets_their_language_when_written_else_the_other_marked_as_such()
    {
        Assert.Equal(new StoryText("中文事迹", "zh-CN", IsOtherLanguage: true), StoryText.For("中文事迹", "", "en"));
        Assert.Equal("Nomination.Story.OnlyChinese", StoryText.For("中文事迹", null, "en-GB").NoteKey);
        Assert.Equal(new StoryText("中文事迹", "zh-CN", IsOtherLanguage: false), StoryText.For("中文事迹", null, "zh-CN"));
        Assert.Null(StoryText.For("中文事迹", null, "zh-CN").NoteKey);
        Assert.Equal("Nomination.Story.OnlyEnglish", StoryText.For(" ", "English story", "zh-CN").NoteKey);
        Assert.Null(StoryText.Other("中文事迹", "", "en"));
        Assert.Equal(new StoryText("English story", "en", IsOtherLanguage: false), StoryText.For("中文事迹", "English story", "en"));
        Assert.Equal(new StoryText("English story", "en", IsOtherLanguage: false), StoryText.Other("中文事迹", "English story", "zh-CN"));
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();
}
