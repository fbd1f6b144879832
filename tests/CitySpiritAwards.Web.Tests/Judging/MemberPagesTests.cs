using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Identity;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>A committee member's queue, scoring form and recusal, in both languages; blind, and only their own entries.</summary>
public sealed class MemberPagesTests : IAsyncLifetime
{
    private const string Campaign = "autumn";
    private readonly JudgingSite _site = new();
    private IReadOnlyList<string> _entries = [];
    private string _ann = "", _ben = "", _nominator = "";

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        await _site.CreateCampaignAsync(Campaign, judgesPerEntry: 1);
        _nominator = await _site.UserAsync("nominator@example.org", "推荐人钱多多", Roles.Resident);
        _entries = await _site.EntriesAsync(Campaign, CategoryIds.Wisdom, 4, _nominator);
        _ann = await _site.UserAsync("ann@example.org", "Ann Committee", Roles.CommitteeMember);
        _ben = await _site.UserAsync("ben@example.org", "Ben Committee", Roles.CommitteeMember);
        await _site.PanelAsync(Campaign, CategoryIds.Wisdom, _ann, _ben);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
    }

    public Task DisposeAsync() => _site.DisposeAsync();

    private async Task<IReadOnlyList<string>> EntriesOfAsync(string member) =>
        (await _site.AssignmentAsync(Campaign, CategoryIds.Wisdom))!.EntriesOf(member).Select(e => e.EntryId).ToList();

    private static string EntryPath(string entry) => $"/committee/{Campaign}/entries/{entry}";

    /// <summary>The entry's line in the queue's list (not the "score the next entry" button).</summary>
    private static string Listed(string entry) => $"class=\"queue-link\" href=\"{EntryPath(entry)}\"";

    [Fact]
    public async Task The_queue_lists_only_the_members_entries_in_Chinese_without_the_nominator()
    {
        var ann = await _site.BrowserAsync("ann@example.org", "zh-CN");
        var mine = await EntriesOfAsync(_ann);

        var (status, html) = await ann.GetAsync($"/committee/{Campaign}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("评审任务", html);
        Assert.Contains("已提交 0 / 2", html);
        Assert.Contains("评下一条", html);
        Assert.Equal(2, html.Split("class=\"queue-item status-todo\"").Length - 1);
        Assert.Contains("待评分</span>", html);
        foreach (var entry in _entries)
            Assert.Equal(mine.Contains(entry), html.Contains(EntryPath(entry)));
        Assert.DoesNotContain("推荐人钱多多", html);
        Assert.DoesNotContain("nominator@example.org", html);
        Assert.DoesNotContain(_nominator, html);
    }

    [Fact]
    public async Task A_member_shows_only_the_entries_still_to_score_and_the_progress_stays_the_whole_queues()
    {
        var ann = await _site.BrowserAsync("ann@example.org", "en");
        var mine = await EntriesOfAsync(_ann);
        var client = _site.Grains.GetGrain<CitySpiritAwards.Abstractions.Judging.IMemberScoresGrain>(
            CitySpiritAwards.Abstractions.Judging.JudgingKeys.For(Campaign, _ann));
        Assert.True((await client.SaveAsync(mine[0], new Dictionary<string, int> { ["embodiment"] = 8, ["impact"] = 8, ["sustained"] = 8, ["evidence"] = 8 },
            null, CitySpiritAwards.Domain.Judging.SheetAction.Submit)).Succeeded);

        var (_, toDo) = await ann.GetAsync($"/committee/{Campaign}?status=ToDo");
        var (_, submitted) = await ann.GetAsync($"/committee/{Campaign}?status=Submitted&category={CategoryIds.Wisdom}");

        Assert.Contains("Filter my entries", toDo);
        Assert.Contains("<option value=\"ToDo\" selected=\"selected\">", toDo);
        Assert.DoesNotContain(Listed(mine[0]), toDo);
        Assert.Contains(Listed(mine[1]), toDo);
        Assert.Contains(Listed(mine[0]), submitted);
        Assert.DoesNotContain(Listed(mine[1]), submitted);
        Assert.Contains("1 of 2", System.Net.WebUtility.HtmlDecode(toDo)); // progress counts the whole queue
    }

    [Fact]
    public async Task The_entry_page_shows_the_story_as_text_and_never_the_nominator()
    {
        var ann = await _site.BrowserAsync("ann@example.org", "zh-CN");
        var entry = (await EntriesOfAsync(_ann))[0];

        var raw = await ann.Client.GetStringAsync(ann.Url(EntryPath(entry)));

        Assert.Contains("&lt;b&gt;不是标签&lt;/b&gt;", raw);
        Assert.DoesNotContain("<b>", raw);
        Assert.Contains("浦东", raw);               // the district's name, in Chinese
        Assert.Contains("开明睿智", raw);           // the award's name
        Assert.Contains("提交评分", raw);
        Assert.Contains("申报回避", raw);
        Assert.DoesNotContain("推荐人钱多多", raw);
        Assert.DoesNotContain(_nominator, raw);
    }

    [Fact]
    public async Task A_member_saves_a_draft_fixes_a_missing_mark_submits_and_is_taken_to_the_next_entry()
    {
        var ann = await _site.BrowserAsync("ann@example.org");
        var mine = await EntriesOfAsync(_ann);
        var (first, second) = (mine[0], mine[1]);

        var (_, drafted, _) = await JudgingSite.FollowAsync(ann, await JudgingSite.PostAsync(ann, EntryPath(first), "Save",
            new Dictionary<string, string> { ["marks.embodiment"] = "8", ["comment"] = "Read again tomorrow" }));
        var (_, queueWithDraft) = await ann.GetAsync($"/committee/{Campaign}");
        var incomplete = await JudgingSite.PostAsync(ann, EntryPath(first), "Save",
            new Dictionary<string, string> { ["marks.embodiment"] = "8", ["submit"] = "true" });
        var incompleteHtml = WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync());
        var (_, next, nextPath) = await JudgingSite.FollowAsync(ann, await JudgingSite.PostAsync(ann, EntryPath(first), "Save",
            new Dictionary<string, string> { ["marks.embodiment"] = "8", ["marks.impact"] = "7", ["marks.sustained"] = "6", ["marks.evidence"] = "10", ["submit"] = "true" }));
        var (_, last, _) = await JudgingSite.FollowAsync(ann, await JudgingSite.PostAsync(ann, EntryPath(second), "Save",
            new Dictionary<string, string> { ["marks.embodiment"] = "3", ["marks.impact"] = "3", ["marks.sustained"] = "3", ["marks.evidence"] = "3", ["submit"] = "true" }));
        var (_, queueDone) = await ann.GetAsync($"/committee/{Campaign}");

        Assert.Contains("Draft saved.", drafted);
        Assert.Contains("Read again tomorrow", drafted);
        Assert.Contains("value=\"8\" checked=\"checked\"", drafted);
        Assert.Contains("0 of 2 submitted", queueWithDraft);
        Assert.Contains("Draft", queueWithDraft);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Equal(3, incompleteHtml.Split("Please give this criterion a mark from 1 to 10.").Length - 1 - 3); // listed at the top and at each criterion
        Assert.StartsWith(EntryPath(second), nextPath);
        Assert.Contains("Score submitted. Here is the next entry to score.", next);
        Assert.Contains("Score submitted.", last);
        Assert.Contains("Submit changes", last);                 // a submitted score may still be changed
        Assert.DoesNotContain("Save draft", last);
        Assert.Contains("2 of 2 submitted", queueDone);
        Assert.Contains("All your scores are submitted", queueDone);
    }

    [Fact]
    public async Task A_member_declares_a_conflict_in_Chinese_and_the_entry_moves_to_the_other_member()
    {
        var ann = await _site.BrowserAsync("ann@example.org", "zh-CN");
        var entry = (await EntriesOfAsync(_ann))[0];

        var noReason = await JudgingSite.PostAsync(ann, EntryPath(entry), "Recuse", new Dictionary<string, string> { ["reason"] = "" });
        var (_, queue, _) = await JudgingSite.FollowAsync(ann, await JudgingSite.PostAsync(ann, EntryPath(entry), "Recuse",
            new Dictionary<string, string> { ["reason"] = "被推荐人是我的表姐" }));
        var (gone, _) = await ann.GetAsync(EntryPath(entry));
        var (_, bensQueue) = await (await _site.BrowserAsync("ben@example.org", "zh-CN")).GetAsync($"/committee/{Campaign}");

        Assert.Contains("请说明回避的原因。", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        Assert.Contains("您已回避该事迹，它已交给同组另一位评委。", queue);
        Assert.Contains("已提交 0 / 1", queue);
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Contains(EntryPath(entry), bensQueue);
        Assert.Contains("已提交 0 / 3", bensQueue);
    }

    [Fact]
    public async Task Residents_are_turned_away_and_a_member_cannot_open_or_score_another_members_entry()
    {
        await _site.UserAsync("resident@example.org", "Resident", Roles.Resident);
        var resident = await _site.BrowserAsync("resident@example.org");
        var ben = await _site.BrowserAsync("ben@example.org", "zh-CN");
        var annsEntry = (await EntriesOfAsync(_ann))[0];

        var residentPage = await resident.Client.GetAsync($"/committee/{Campaign}");
        var residentApi = await resident.Client.GetAsync($"/api/committee/{Campaign}/queue");
        var (benPage, _) = await ben.GetAsync(EntryPath(annsEntry));
        var benScore = await ben.Client.PutAsJsonAsync(ben.Url($"/api/committee/{Campaign}/entries/{annsEntry}/score"),
            new { marks = new Dictionary<string, int> { ["embodiment"] = 9, ["impact"] = 9, ["sustained"] = 9, ["evidence"] = 9 }, submit = true });

        Assert.Equal("/account/access-denied", residentPage.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, residentApi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, benPage);
        Assert.Equal(HttpStatusCode.NotFound, benScore.StatusCode);
        Assert.Equal("application/problem+json", benScore.Content.Headers.ContentType?.MediaType);
        Assert.Equal("这条事迹没有分配给您（或已不再由您评审）。", (await benScore.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Through_the_API_a_member_reads_their_queue_and_gets_each_missing_mark_as_problem_json()
    {
        var ann = await _site.BrowserAsync("ann@example.org");
        var entry = (await EntriesOfAsync(_ann))[0];

        var queue = await ann.Client.GetFromJsonAsync<JsonElement>(ann.Url($"/api/committee/{Campaign}/queue"));
        var incomplete = await ann.Client.PutAsJsonAsync(ann.Url($"/api/committee/{Campaign}/entries/{entry}/score"),
            new { marks = new Dictionary<string, int> { ["embodiment"] = 11 }, submit = true });
        var problem = await incomplete.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, queue.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(_nominator, queue.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("Marks are whole numbers from 1 to 10.", problem.GetProperty("errors").GetProperty("embodiment")[0].GetString());
        Assert.Equal("Please give this criterion a mark from 1 to 10.", problem.GetProperty("errors").GetProperty("impact")[0].GetString());
    }
}
