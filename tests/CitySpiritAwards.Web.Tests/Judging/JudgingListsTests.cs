using System.Net;
using System.Text.RegularExpressions;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>
/// A member with more entries than a page and a chair following a large round: both pages show 50 at a time from the
/// judging tables, with counts of everything, and the chair is never offered a move the rules refuse.
/// </summary>
public sealed partial class JudgingListsTests : IAsyncLifetime
{
    private const string Campaign = "big-round";
    private readonly JudgingSite _site = new();
    private string _ann = "", _ben = "";
    private IReadOnlyList<string> _entries = [];

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        await _site.CreateCampaignAsync(Campaign, judgesPerEntry: 1, shortlistSize: 3);
        _ann = await _site.UserAsync("ann@example.org", "Ann Li", Roles.CommitteeMember);
        _ben = await _site.UserAsync("ben@example.org", "Ben Wu", Roles.CommitteeMember);
        await _site.UserAsync("chair@example.org", "Chair Zhou", Roles.CommitteeChair);
        _entries = await _site.EntriesAsync(Campaign, CategoryIds.Wisdom, 120);
        await _site.PanelAsync(Campaign, CategoryIds.Wisdom, _ann, _ben);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
    }

    public Task DisposeAsync() => _site.DisposeAsync();

    [GeneratedRegex("<li class=\"queue-item[^\"]*\">")]
    private static partial Regex QueueItem();

    [GeneratedRegex("<tr>\\s*<th scope=\"row\">([^<]+)<br />")]
    private static partial Regex EntryRow();

    [Fact]
    public async Task A_member_with_sixty_entries_sees_fifty_a_page_counts_them_all_and_goes_on_to_the_next_to_score()
    {
        var assignment = (await _site.AssignmentAsync(Campaign, CategoryIds.Wisdom))!;
        var mine = assignment.EntriesOf(_ann).Select(e => e.EntryId).Order(StringComparer.Ordinal).ToList();
        var ann = await _site.BrowserAsync("ann@example.org");

        var (status, first) = await ann.GetAsync($"/committee/{Campaign}");
        var (_, second) = await ann.GetAsync($"/committee/{Campaign}?page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(60, mine.Count); // loads level: 120 entries, one judge each, two members
        Assert.Equal(50, QueueItem().Matches(first).Count);
        Assert.Equal(10, QueueItem().Matches(second).Count);
        Assert.Contains("0 of 60", first);
        Assert.Contains($"/committee/{Campaign}/entries/{mine[0]}\">Score the next entry", first);
        Assert.Contains($"/committee/{Campaign}/entries/{mine[^1]}\"", second);

        var (_, entry) = await ann.GetAsync($"/committee/{Campaign}/entries/{mine[55]}");
        Assert.Contains("56 of 60", entry);
    }

    [Fact]
    public async Task The_chair_sees_every_members_count_and_a_page_of_entries_least_scored_first()
    {
        var assignment = (await _site.AssignmentAsync(Campaign, CategoryIds.Wisdom))!;
        var annEntries = assignment.EntriesOf(_ann).Select(e => e.EntryId).Order(StringComparer.Ordinal).ToList();
        var annScores = _site.Grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For(Campaign, _ann));
        var marks = new Dictionary<string, int> { ["embodiment"] = 8, ["impact"] = 8, ["sustained"] = 8, ["evidence"] = 8 };
        foreach (var entry in annEntries.Take(2))
            Assert.True((await annScores.SaveAsync(entry, marks, null, Domain.Judging.SheetAction.Submit)).Succeeded);
        var chair = await _site.BrowserAsync("chair@example.org");

        var (_, first) = await chair.GetAsync($"/committee/{Campaign}/chair");
        var (_, third) = await chair.GetAsync($"/committee/{Campaign}/chair?category=wisdom&page=3");

        Assert.Matches("<th scope=\"row\">Ann Li</th>\\s*<td>60</td>\\s*<td>2</td>\\s*<td>0</td>", first);
        Assert.Matches("<th scope=\"row\">Ben Wu</th>\\s*<td>60</td>\\s*<td>0</td>\\s*<td>0</td>", first);
        Assert.Contains("120 entries", first);
        Assert.Equal(50, EntryRow().Matches(first).Count);
        Assert.Equal(20, EntryRow().Matches(third).Count);
        Assert.Contains("Page 3 of 3", third);
        // Least scored first: the two entries Ann submitted are the last two on the last page.
        var last = EntryRow().Matches(third).Select(m => m.Groups[1].Value.Trim()).TakeLast(2).ToList();
        var submittedNames = annEntries.Take(2).Select(id => $"候选人{int.Parse(id[^2..])}号 (Nominee {int.Parse(id[^2..])})").ToList();
        Assert.Equal(submittedNames.Order(), last.Order());
    }

    [Fact]
    public async Task A_member_who_declared_a_conflict_is_not_offered_to_take_that_entry_back()
    {
        var assignment = (await _site.AssignmentAsync(Campaign, CategoryIds.Wisdom))!;
        var entry = assignment.EntriesOf(_ann).First().EntryId;
        var recusal = await _site.Grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(Campaign, CategoryIds.Wisdom)).RecuseAsync(entry, _ann, "是我的邻居");
        Assert.Equal(_ben, recusal.MemberId);
        var chair = await _site.BrowserAsync("chair@example.org");

        var (_, page) = await chair.GetAsync($"/committee/{Campaign}/chair?category=wisdom&order=name");

        // The entry's row (found by its recusal): Ben judges it and Ann declared a conflict, so nobody is offered and it says so.
        var html = WebUtility.HtmlDecode(page);
        var reason = html.IndexOf("Recusals: Ann Li — 是我的邻居", StringComparison.Ordinal);
        Assert.True(reason >= 0, "the entry is on the page ordered by name");
        var row = html[html.LastIndexOf("<tr>", reason, StringComparison.Ordinal)..html.IndexOf("</tr>", reason, StringComparison.Ordinal)];
        Assert.DoesNotContain($"id=\"to-{entry}\"", row);
        Assert.DoesNotContain($"value=\"{_ann}\"", row);
        Assert.Contains("Nobody else on the panel can take this entry", row);
    }
}
