using System.Net;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>
/// A whole committee round driven by the clock: scoring starts and judges are assigned; two members score through the
/// pages, one of them stepping aside from an entry; scoring ends and the shortlist is published from their scores.
/// </summary>
public sealed class WholeRoundTests : IAsyncLifetime
{
    private const string Campaign = "round";
    private readonly JudgingSite _site = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    private static string EntryPath(string entry) => $"/committee/{Campaign}/entries/{entry}";

    private static Dictionary<string, string> Marks(int mark) => new()
    {
        ["marks.embodiment"] = $"{mark}", ["marks.impact"] = $"{mark}", ["marks.sustained"] = $"{mark}", ["marks.evidence"] = $"{mark}", ["submit"] = "true",
    };

    /// <summary>Scores every entry in the member's queue through the pages, following "next" after each submit.</summary>
    private static async Task ScoreAllAsync(AccountBrowser member, Func<string, int> markFor)
    {
        var (_, queue) = await member.GetAsync($"/committee/{Campaign}");
        var next = System.Text.RegularExpressions.Regex.Match(queue, $"class=\"button\" href=\"{EntryPath("")}([^\"]+)\"").Groups[1].Value;
        while (next.Length > 0)
        {
            var response = await JudgingSite.PostAsync(member, EntryPath(next), "Save", Marks(markFor(next)));
            var location = response.Headers.Location!.OriginalString;
            next = location.Contains("saved=next") ? location[EntryPath("").Length..location.IndexOf('?')] : "";
        }
    }

    [Fact]
    public async Task Scoring_starts_members_score_and_recuse_and_the_shortlist_appears_when_voting_starts()
    {
        await _site.CreateCampaignAsync(Campaign, judgesPerEntry: 1, shortlistSize: 2);
        var entries = await _site.EntriesAsync(Campaign, CategoryIds.Excellence, 4);
        var ann = await _site.UserAsync("ann@example.org", "Ann", Roles.CommitteeMember);
        var ben = await _site.UserAsync("ben@example.org", "Ben", Roles.CommitteeMember);
        await _site.PanelAsync(Campaign, CategoryIds.Excellence, ann, ben);
        var annBrowser = await _site.BrowserAsync("ann@example.org");
        var benBrowser = await _site.BrowserAsync("ben@example.org", "zh-CN");
        var (_, before) = await annBrowser.GetAsync($"/committee/{Campaign}");

        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        var (_, assigned) = await annBrowser.GetAsync($"/committee/{Campaign}");
        var bensFirst = (await _site.AssignmentAsync(Campaign, CategoryIds.Excellence))!.EntriesOf(ben)[0].EntryId;
        var recused = await JudgingSite.PostAsync(benBrowser, EntryPath(bensFirst), "Recuse", new Dictionary<string, string> { ["reason"] = "我和被推荐人是同事" });
        var annsEntries = (await _site.AssignmentAsync(Campaign, CategoryIds.Excellence))!.EntriesOf(ann).Select(e => e.EntryId).ToList();
        var marks = new Dictionary<string, int> { [annsEntries[0]] = 9, [annsEntries[1]] = 5, [annsEntries[2]] = 1 };
        await ScoreAllAsync(annBrowser, entry => marks[entry]);
        await ScoreAllAsync(benBrowser, _ => 6);
        var bensOther = entries.Except(annsEntries).Single();
        var (_, annDone) = await annBrowser.GetAsync($"/committee/{Campaign}");

        _site.Clock.Advance(TimeSpan.FromDays(4));
        var (_, stillOpen) = await annBrowser.GetAsync(EntryPath(annsEntries[0]));
        await _site.ClockReachesAsync(Campaign, CampaignPhase.PublicVoting);
        var (_, closed) = await annBrowser.GetAsync(EntryPath(annsEntries[0]));

        Assert.Contains("No entries are assigned to you yet.", before);
        Assert.Contains("0 of 2 submitted", assigned);
        Assert.Equal(HttpStatusCode.Redirect, recused.StatusCode);
        Assert.Contains(bensFirst, annsEntries);                       // Ben's recusal went to Ann, the only other member
        Assert.Contains("3 of 3 submitted", annDone);
        Assert.Contains("Submit changes", stillOpen);                   // editable until the phase ends
        Assert.Contains("Scoring has closed", closed);
        Assert.DoesNotContain("Submit changes", closed);
        var shortlist = (await _site.ShortlistAsync(Campaign, CategoryIds.Excellence))!;
        // Ann's 9 is her best (z > 0); Ben's 6 is his only score (z = 0) and beats Ann's 5 (z = 0) on the raw score.
        Assert.Equal([annsEntries[0], bensOther], shortlist.Entries.Select(e => e.NominationId));
        Assert.Equal("job:judging", shortlist.PublishedBy);
    }
}
