using System.Net;
using System.Net.Http.Json;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>
/// Committee chairs manage panels, follow progress with the scores, reassign, remind and finalise early (after a tick that
/// says it cannot be undone); each action on the progress page answers with a redirect back to it.
/// </summary>
public sealed class ChairPagesTests : IAsyncLifetime
{
    private const string Campaign = "chaired";
    private readonly JudgingSite _site = new();
    private string _ann = "", _ben = "", _nominator = "";

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        await _site.CreateCampaignAsync(Campaign, judgesPerEntry: 1, shortlistSize: 1);
        _nominator = await _site.UserAsync("nominator@example.org", "推荐人钱多多", Roles.Resident);
        _ann = await _site.UserAsync("ann@example.org", "Ann Li", Roles.CommitteeMember);
        _ben = await _site.UserAsync("ben@example.org", "Ben Wu", Roles.CommitteeMember);
        await _site.UserAsync("chair@example.org", "Chair Zhou", Roles.CommitteeChair);
        await _site.UserAsync("resident@example.org", "Resident", Roles.Resident);
    }

    public Task DisposeAsync() => _site.DisposeAsync();

    private const string Panels = $"/committee/{Campaign}/panels";
    private const string Progress = $"/committee/{Campaign}/chair";

    private static Dictionary<string, string> Add(string email) => new() { ["categoryId"] = CategoryIds.Magnanimity, ["email"] = email };

    private static object Score(int mark, string? comment = null) => new
    {
        marks = new Dictionary<string, int> { ["embodiment"] = mark, ["impact"] = mark, ["sustained"] = mark, ["evidence"] = mark },
        comment,
        submit = true,
    };

    [Fact]
    public async Task A_chair_puts_committee_members_on_a_panel_by_email_in_Chinese_and_takes_one_off_before_scoring()
    {
        var chair = await _site.BrowserAsync("chair@example.org", "zh-CN");

        var added = WebUtility.HtmlDecode(await (await JudgingSite.PostAsync(chair, Panels, "Add", Add("ann@example.org"))).Content.ReadAsStringAsync());
        var resident = WebUtility.HtmlDecode(await (await JudgingSite.PostAsync(chair, Panels, "Add", Add("resident@example.org"))).Content.ReadAsStringAsync());
        await JudgingSite.PostAsync(chair, Panels, "Add", Add("ben@example.org"));
        var removed = WebUtility.HtmlDecode(await (await JudgingSite.PostAsync(chair, Panels, "Remove",
            new Dictionary<string, string> { ["categoryId"] = CategoryIds.Magnanimity, ["memberId"] = _ben })).Content.ReadAsStringAsync());

        Assert.Contains("已加入评审组。", added);
        Assert.Contains("Ann Li", added);
        Assert.Contains("大气谦和", added);
        Assert.Contains("找不到拥有评委角色、使用该邮箱的账户。", resident);
        Assert.Contains("已移出评审组。", removed);
        var panel = await _site.Grains.GetGrain<IPanelGrain>(JudgingKeys.For(Campaign, CategoryIds.Magnanimity)).GetMembersAsync();
        Assert.Equal([_ann], panel.Select(m => m.MemberId));
    }

    [Fact]
    public async Task The_chair_sees_scores_comments_and_recusals_but_no_nominator_reassigns_and_finalises_early()
    {
        await _site.EntriesAsync(Campaign, CategoryIds.Magnanimity, 2, _nominator);
        await _site.PanelAsync(Campaign, CategoryIds.Magnanimity, _ann, _ben);
        var cat = await _site.UserAsync("cat@example.org", "Cat Xu", Roles.CommitteeMember);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        var assignment = (await _site.AssignmentAsync(Campaign, CategoryIds.Magnanimity))!;
        var (annsEntry, bensEntry) = (assignment.EntriesOf(_ann)[0].EntryId, assignment.EntriesOf(_ben)[0].EntryId);
        var ann = await _site.BrowserAsync("ann@example.org");
        (await ann.Client.PutAsJsonAsync($"/api/committee/{Campaign}/entries/{annsEntry}/score", Score(8, "Thirty years of quiet help"))).EnsureSuccessStatusCode();
        var ben = await _site.BrowserAsync("ben@example.org");
        (await ben.Client.PostAsJsonAsync($"/api/committee/{Campaign}/entries/{bensEntry}/recusal", new { reason = "She is my aunt" })).EnsureSuccessStatusCode();
        var chair = await _site.BrowserAsync("chair@example.org");

        var (status, page) = await chair.GetAsync(Progress);
        var progress = System.Text.RegularExpressions.Regex.Replace(page, @"\s+", " ");
        var panelAdd = await JudgingSite.PostAsync(chair, Panels, "Add", Add("cat@example.org"));
        var (_, reassigned, _) = await JudgingSite.FollowAsync(chair, await JudgingSite.PostAsync(chair, Progress, "Reassign",
            new Dictionary<string, string> { ["entryId"] = bensEntry, ["fromMemberId"] = _ann, ["toMemberId"] = cat }));
        var (_, finalised, _) = await JudgingSite.FollowAsync(chair, await JudgingSite.PostAsync(chair, Progress, "Finalise",
            new Dictionary<string, string> { ["categoryId"] = CategoryIds.Magnanimity, ["confirm"] = "true" }));
        var late = await ann.Client.PutAsJsonAsync($"/api/committee/{Campaign}/entries/{annsEntry}/score", Score(2));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ann Li — Submitted — weighted 8.0", progress);
        Assert.Contains("<th scope=\"row\">Ann Li</th> <td>2</td> <td>1</td> <td>0</td>", progress); // Ben's entry went to Ann
        Assert.Contains("Thirty years of quiet help", progress);
        Assert.Contains("Recusals: Ben Wu — She is my aunt", progress);
        Assert.DoesNotContain("推荐人钱多多", progress);
        Assert.DoesNotContain(_nominator, progress);
        Assert.Equal(HttpStatusCode.OK, panelAdd.StatusCode);
        Assert.Contains("Reassigned.", reassigned);
        Assert.Equal([cat], (await _site.AssignmentAsync(Campaign, CategoryIds.Magnanimity))!.JudgesOf(bensEntry));
        Assert.Contains("The shortlist is final.", finalised);
        Assert.Equal([annsEntry], (await _site.ShortlistAsync(Campaign, CategoryIds.Magnanimity))!.Entries.Select(e => e.NominationId));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    /// <summary>The members the reassign list of an entry offers (their ids), the automatic choice left out; null when the page has no such list.</summary>
    private static IReadOnlyList<string>? Offered(string page, string entryId)
    {
        var select = System.Text.RegularExpressions.Regex.Match(page, $"<select id=\"to-{entryId}\" name=\"toMemberId\">(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return select.Success
            ? System.Text.RegularExpressions.Regex.Matches(select.Groups[1].Value, "<option value=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Where(v => v.Length > 0).ToList()
            : null;
    }

    [Fact]
    public async Task After_a_member_declares_a_conflict_the_chairs_reassign_list_of_that_entry_no_longer_offers_them()
    {
        await _site.EntriesAsync(Campaign, CategoryIds.Magnanimity, 2, _nominator);
        var cat = await _site.UserAsync("cat@example.org", "Cat Xu", Roles.CommitteeMember);
        await _site.PanelAsync(Campaign, CategoryIds.Magnanimity, _ann, _ben, cat);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        var assignment = (await _site.AssignmentAsync(Campaign, CategoryIds.Magnanimity))!;
        var entry = assignment.Entries[0].EntryId;
        var conflicted = assignment.JudgesOf(entry).Single();
        var email = conflicted == _ann ? "ann@example.org" : conflicted == _ben ? "ben@example.org" : "cat@example.org";
        var chair = await _site.BrowserAsync("chair@example.org");
        Assert.Contains(conflicted, Offered((await chair.GetAsync(Progress)).Html, assignment.Entries[1].EntryId)!); // offered where there is no conflict

        var member = await _site.BrowserAsync(email);
        (await member.Client.PostAsJsonAsync($"/api/committee/{Campaign}/entries/{entry}/recusal", new { reason = "He is my neighbour" })).EnsureSuccessStatusCode();
        var judge = (await _site.AssignmentAsync(Campaign, CategoryIds.Magnanimity))!.JudgesOf(entry).Single();
        var offered = Offered((await chair.GetAsync(Progress)).Html, entry)!;

        Assert.DoesNotContain(conflicted, offered);
        Assert.DoesNotContain(judge, offered);
        var other = Assert.Single(offered);
        var (_, reassigned, _) = await JudgingSite.FollowAsync(chair, await JudgingSite.PostAsync(chair, Progress, "Reassign",
            new Dictionary<string, string> { ["entryId"] = entry, ["fromMemberId"] = judge, ["toMemberId"] = other }));
        Assert.Contains("Reassigned.", reassigned); // what is offered is taken
    }

    [Fact]
    public async Task The_reassign_list_never_offers_the_entrys_nominator_and_says_in_words_when_nobody_is_left_in_Chinese_too()
    {
        // Ann nominated the entry and sits on its panel; Ben judges it: nobody else may take it.
        var entry = (await _site.EntriesAsync(Campaign, CategoryIds.Magnanimity, 1, _ann)).Single();
        await _site.PanelAsync(Campaign, CategoryIds.Magnanimity, _ann, _ben);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        Assert.Equal([_ben], (await _site.AssignmentAsync(Campaign, CategoryIds.Magnanimity))!.JudgesOf(entry));
        var chair = await _site.BrowserAsync("chair@example.org");
        var chinese = await _site.BrowserAsync("chair@example.org", "zh-CN");

        var page = WebUtility.HtmlDecode((await chair.GetAsync(Progress)).Html);
        var chinesePage = WebUtility.HtmlDecode((await chinese.GetAsync(Progress)).Html);

        Assert.Null(Offered(page, entry)); // no list at all: the nominator and the judge are all the panel has
        Assert.DoesNotContain($"value=\"{_ann}\"", page);
        Assert.Contains("Nobody else on the panel can take this entry", page);
        Assert.Contains("评审组中没有其他评委可以接手这条事迹", chinesePage);
    }

    [Fact]
    public async Task Once_an_awards_shortlist_is_final_the_chair_is_no_longer_warned_that_its_entries_are_short_of_judges()
    {
        // Ann alone judges both entries of an award; she declares a conflict with one, and nobody is left to take it.
        var entries = await _site.EntriesAsync(Campaign, CategoryIds.Magnanimity, 2, _nominator);
        await _site.PanelAsync(Campaign, CategoryIds.Magnanimity, _ann);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        var ann = await _site.BrowserAsync("ann@example.org");
        (await ann.Client.PostAsJsonAsync($"/api/committee/{Campaign}/entries/{entries[0]}/recusal", new { reason = "She is my aunt" })).EnsureSuccessStatusCode();
        var chair = await _site.BrowserAsync("chair@example.org");
        var chinese = await _site.BrowserAsync("chair@example.org", "zh-CN");
        var before = Section((await chair.GetAsync(Progress)).Html, CategoryIds.Magnanimity);
        var beforeChinese = Section(WebUtility.HtmlDecode((await chinese.GetAsync(Progress)).Html), CategoryIds.Magnanimity);

        var (_, finalised, _) = await JudgingSite.FollowAsync(chair, await JudgingSite.PostAsync(chair, Progress, "Finalise",
            new Dictionary<string, string> { ["categoryId"] = CategoryIds.Magnanimity, ["confirm"] = "true" }));
        var after = Section((await chair.GetAsync(Progress)).Html, CategoryIds.Magnanimity);
        var afterChinese = Section(WebUtility.HtmlDecode((await chinese.GetAsync(Progress)).Html), CategoryIds.Magnanimity);
        var api = await chair.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/committee/{Campaign}/chair");

        Assert.Contains("Entries short of judges", before); // while scoring is open, the chair is told
        Assert.Contains("评委不足", beforeChinese);
        Assert.Contains("The shortlist is final.", finalised);
        Assert.DoesNotContain("Entries short of judges", after);
        Assert.DoesNotContain("short of judges", Section(finalised, CategoryIds.Magnanimity));
        Assert.DoesNotContain("评委不足", afterChinese);
        var magnanimity = api.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("categoryId").GetString() == CategoryIds.Magnanimity);
        Assert.Equal(0, magnanimity.GetProperty("shortOfJudgesCount").GetInt32());
        Assert.Empty(magnanimity.GetProperty("shortOfJudges").EnumerateArray());
    }

    /// <summary>The page's section of one award.</summary>
    private static string Section(string page, string categoryId)
    {
        var start = page.IndexOf($"aria-labelledby=\"category-{categoryId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {categoryId}");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    [Fact]
    public async Task Finalising_needs_the_tick_without_it_nothing_changes_and_the_page_says_which_box_in_Chinese_too()
    {
        await _site.EntriesAsync(Campaign, CategoryIds.Magnanimity, 2, _nominator);
        await _site.PanelAsync(Campaign, CategoryIds.Magnanimity, _ann);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        var chair = await _site.BrowserAsync("chair@example.org", "zh-CN");
        var finalise = new Dictionary<string, string> { ["categoryId"] = CategoryIds.Magnanimity };

        var (_, form) = await chair.GetAsync(Progress);
        var unticked = await JudgingSite.PostAsync(chair, Progress, "Finalise", finalise);
        var untickedPage = WebUtility.HtmlDecode(await unticked.Content.ReadAsStringAsync());

        Assert.Contains("<label for=\"finalise-magnanimity\">我明白确定后不能撤销：入围名单不再改变，评委也不能再修改评分。<span class=\"visually-hidden\"> — 大气谦和</span></label>", form);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("<a href=\"#finalise-magnanimity\">请先勾选「大气谦和」下的“我明白确定后不能撤销”，再确定入围名单。什么都没有改变。</a>", untickedPage);
        Assert.Contains("id=\"finalise-magnanimity\" name=\"confirm\" value=\"true\" aria-invalid=\"true\" aria-describedby=\"finalise-magnanimity-error\"", untickedPage);
        Assert.Null(await _site.ShortlistAsync(Campaign, CategoryIds.Magnanimity));

        finalise["confirm"] = "true";
        var ticked = await JudgingSite.PostAsync(chair, Progress, "Finalise", finalise);
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Equal(Progress, ticked.Headers.Location?.OriginalString);
        var (_, done, _) = await JudgingSite.FollowAsync(chair, ticked);
        Assert.Contains("入围名单已确定。", done);
        Assert.NotNull(await _site.ShortlistAsync(Campaign, CategoryIds.Magnanimity));
        Assert.DoesNotContain("入围名单已确定。", (await chair.GetAsync(Progress)).Html); // a refresh sends nothing and says nothing again
    }

    [Fact]
    public async Task Only_chairs_and_administrators_reach_the_chair_pages_and_API()
    {
        var member = await _site.BrowserAsync("ann@example.org");
        var admin = new AccountBrowser(_site.App);
        await admin.SignInAsync(JudgingSite.AdminEmail, JudgingSite.AdminPassword);

        var asMember = await member.Client.GetAsync(Progress);
        var asMemberApi = await member.Client.GetAsync($"/api/committee/{Campaign}/chair");
        var memberAddsHimself = await member.Client.PostAsJsonAsync($"/api/committee/{Campaign}/chair/panels/{CategoryIds.Wisdom}/members", new { email = "ann@example.org" });
        var asVisitor = await _site.App.CreateBrowser().GetAsync(Panels);
        var (asAdmin, _) = await admin.GetAsync(Panels);
        var adminApi = await admin.Client.PostAsJsonAsync($"/api/committee/{Campaign}/chair/panels/{CategoryIds.Wisdom}/members", new { email = "ann@example.org" });

        Assert.Equal("/account/access-denied", asMember.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, asMemberApi.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberAddsHimself.StatusCode);
        Assert.Equal("/account/login", asVisitor.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, asAdmin);
        Assert.Equal(HttpStatusCode.NoContent, adminApi.StatusCode);
    }

    [Fact]
    public async Task The_chair_reminds_a_member_by_email_once_a_day()
    {
        await _site.EntriesAsync(Campaign, CategoryIds.Magnanimity, 2);
        await _site.PanelAsync(Campaign, CategoryIds.Magnanimity, _ann);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        var chair = await _site.BrowserAsync("chair@example.org");

        var (_, sent, _) = await JudgingSite.FollowAsync(chair, await JudgingSite.PostAsync(chair, Progress, "Remind", new Dictionary<string, string> { ["memberId"] = _ann }));
        var (_, again, _) = await JudgingSite.FollowAsync(chair, await JudgingSite.PostAsync(chair, Progress, "Remind", new Dictionary<string, string> { ["memberId"] = _ann }));

        Assert.Contains("Reminder sent.", sent);
        Assert.Contains("This member was already reminded today", again);
        Assert.Single(Testing.OutboxReader.To(_site.App.DataPath, "ann@example.org"));
    }
}
