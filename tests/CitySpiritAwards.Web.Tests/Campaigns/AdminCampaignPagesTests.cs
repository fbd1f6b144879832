using System.Net;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Tallying;

namespace CitySpiritAwards.Web.Tests.Campaigns;

/// <summary>
/// The administrators' campaign pages: the list, and one campaign with "start the next phase now", which asks for a tick
/// first, starts a phase once however often it is sent, never skips one, and sets off what the schedule would (results).
/// </summary>
public sealed class AdminCampaignPagesTests(ResultsSite site) : IClassFixture<ResultsSite>
{
    private async Task<AccountBrowser> AdminAsync(string culture = "en")
    {
        var admin = new AccountBrowser(site.App, culture);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(ResultsSite.AdminEmail, ResultsSite.AdminPassword)).StatusCode);
        return admin;
    }

    private Task<CampaignPhase> PhaseAsync(string id) =>
        site.Grains.GetGrain<ICampaignGrain>(id).GetAsync().ContinueWith(t => t.Result!.Phase);

    private static Dictionary<string, string> Start(CampaignPhase phase, bool confirm = true) =>
        confirm ? new() { ["phase"] = phase.ToString(), ["confirm"] = "true" } : new() { ["phase"] = phase.ToString() };

    [Fact]
    public async Task Starting_a_phase_early_needs_the_tick_happens_once_and_never_skips_one()
    {
        await site.CreateCampaignAsync("admin-early"); // in Draft; Nominating starts in a minute
        var admin = await AdminAsync();
        const string page = "/admin/campaigns/admin-early";

        var (_, before) = await admin.GetAsync(page);
        Assert.Contains("<button type=\"submit\" class=\"button\" name=\"phase\" value=\"Nominating\">Open nominations now</button>", before);

        // Without the tick: the page comes back with the box marked and named in the error summary; nothing starts.
        var (uncheckedStatus, unticked) = await admin.SubmitForPageAsync(page, Start(CampaignPhase.Nominating, confirm: false));
        Assert.Equal(HttpStatusCode.OK, uncheckedStatus);
        Assert.Contains("<a href=\"#confirm\">Tick the confirmation box first. Nothing has changed.</a>", unticked);
        Assert.Contains("id=\"confirm\" name=\"confirm\" value=\"true\" aria-invalid=\"true\" aria-describedby=\"confirm-error\"", unticked);
        Assert.Equal(CampaignPhase.Draft, await PhaseAsync("admin-early"));

        // With it: a redirect back to the page (post/redirect/get), which says what happened once.
        var response = await admin.SubmitAsync(page, Start(CampaignPhase.Nominating));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location?.OriginalString);
        var (status, started) = await admin.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The campaign is now in Nominations open.", started);
        Assert.Contains("value=\"Screening\">Close nominations and start screening now</button>", started); // the next step is offered
        Assert.Equal(CampaignPhase.Nominating, await PhaseAsync("admin-early"));
        Assert.DoesNotContain("The campaign is now in Nominations open.", (await admin.GetAsync(page)).Html); // a refresh says nothing again

        // The same form sent again (a double click, a second tab): nothing more happens.
        var (_, again) = await admin.SubmitAndFollowAsync(page, Start(CampaignPhase.Nominating));
        Assert.Contains("The campaign is already in Nominations open; nothing changed.", again);
        // A form from a tab left open long ago, asking for a later phase: refused, the campaign stays.
        var (_, skipped) = await admin.SubmitAndFollowAsync(page, Start(CampaignPhase.PublicVoting));
        Assert.Contains("Phases cannot be skipped: the campaign is in Nominations open.", skipped);
        Assert.Equal(CampaignPhase.Nominating, await PhaseAsync("admin-early"));

        var audit = await site.Grains.GetGrain<ICampaignGrain>("admin-early").GetAuditLogAsync();
        Assert.Single(audit, a => a.Actor == $"admin:{ResultsSite.AdminEmail}");
        // The change log reads as words in each language, never "phase → Nominating · admin:…".
        var english = WebUtility.HtmlDecode((await admin.GetAsync(page)).Html);
        Assert.Contains($"Administrator {ResultsSite.AdminEmail}: moved the campaign to Nominations open", english);
        Assert.DoesNotContain("phase →", english);
        var chinese = WebUtility.HtmlDecode((await (await AdminAsync("zh-CN")).GetAsync(page)).Html);
        Assert.Contains($"管理员 {ResultsSite.AdminEmail}：活动进入“推荐中”阶段", chinese);
    }

    [Fact]
    public async Task Closing_the_vote_from_the_page_computes_the_results_as_the_schedule_would_in_Chinese_too()
    {
        var entries = await site.CreateCampaignAsync("admin-close");
        await site.ClockReachesAsync("admin-close", CampaignPhase.PublicVoting);
        await site.VoteAsync("admin-close", entries["B"]);
        var admin = await AdminAsync("zh-CN");

        var (_, closed) = await admin.SubmitAndFollowAsync("/admin/campaigns/admin-close", Start(CampaignPhase.Tallying));

        Assert.Contains("已进入「计票中」。", closed);
        Assert.Contains("现在公布评选结果", closed);
        Assert.Contains("开始后，评选结果和获奖者立即向所有人公布。", closed); // what the next click does, said before it is made
        var results = await site.ResultsAsync("admin-close");
        Assert.NotNull(results);
        Assert.False(results.IsPublished);
    }

    [Fact]
    public async Task The_list_shows_each_campaign_with_its_phase_and_next_change_in_Shanghai_time()
    {
        await site.CreateCampaignAsync("admin-list");
        var admin = await AdminAsync();

        var (status, html) = await admin.GetAsync("/admin/campaigns");

        Assert.Equal(HttpStatusCode.OK, status);
        var nominating = site.Clock.GetUtcNow().AddMinutes(1).ToOffset(TimeSpan.FromHours(8));
        Assert.Contains("<a href=\"/admin/campaigns/admin-list\">City Spirit test</a>", html);
        Assert.Contains($"<td>In preparation</td>", html);
        Assert.Contains($"<td>Nominations open on {nominating:yyyy-MM-dd HH:mm}</td>", html);
        var (_, home) = await admin.GetAsync("/");
        Assert.Contains("<a href=\"/admin/campaigns\">Administration</a>", home); // in the administrator's menu
        var (_, visitorHome) = await new AccountBrowser(site.App).GetAsync("/");
        Assert.DoesNotContain("/admin/campaigns", visitorHome);
    }

    /// <summary>The "new campaign" form as an administrator fills it in: the pre-filled schedule and rules, changed here and there.</summary>
    private static Dictionary<string, string> NewCampaignForm(string id, DateTimeOffset nominating) => new()
    {
        ["Input.Id"] = id,
        ["Input.NameZh"] = "2027 春季城市精神奖",
        ["Input.NameEn"] = "City Spirit Awards, spring 2027",
        ["Input.DescriptionZh"] = "推荐身边的上海模子。",
        ["Input.DescriptionEn"] = "Nominate the Shanghai role models around you.",
        ["Input.Starts[Nominating]"] = $"{nominating:yyyy-MM-ddTHH:mm}",
        ["Input.Starts[Screening]"] = $"{nominating.AddDays(21):yyyy-MM-ddTHH:mm}",
        ["Input.Starts[CommitteeScoring]"] = $"{nominating.AddDays(28):yyyy-MM-ddTHH:mm}",
        ["Input.Starts[PublicVoting]"] = $"{nominating.AddDays(42):yyyy-MM-ddTHH:mm}",
        ["Input.Starts[Tallying]"] = $"{nominating.AddDays(56):yyyy-MM-ddTHH:mm}",
        ["Input.Starts[Published]"] = $"{nominating.AddDays(60):yyyy-MM-ddTHH:mm}",
        ["Input.NominationsPerResident"] = "3",
        ["Input.VotesPerCategory"] = "2",
        ["Input.CommitteeWeightPercent"] = "60",
        ["Input.ShortlistSize"] = "8",
        ["Input.JudgesPerEntry"] = "4",
        ["Input.LiveTallies"] = "false",
        ["Input.AllowVoteChanges"] = "true",
    };

    [Fact]
    public async Task An_administrator_creates_a_campaign_from_the_form_with_times_in_Shanghai_and_the_rules_given()
    {
        var admin = await AdminAsync();
        var (_, form) = await admin.GetAsync("/admin/campaigns/new");
        var tomorrow = site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Date.AddDays(1);
        Assert.Contains($"name=\"Input.Starts[Nominating]\" type=\"datetime-local\" value=\"{tomorrow:yyyy-MM-dd}T09:00\"", form); // pre-filled
        var nominating = new DateTimeOffset(tomorrow.AddHours(10), TimeSpan.FromHours(8));

        var response = await admin.SubmitAsync("/admin/campaigns/new", NewCampaignForm("spring-2027", nominating));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/campaigns/spring-2027", response.Headers.Location?.OriginalString);
        var campaign = await site.Grains.GetGrain<ICampaignGrain>("spring-2027").GetAsync();
        Assert.NotNull(campaign);
        Assert.Equal(CampaignPhase.Draft, campaign.Phase);
        Assert.Equal(nominating, campaign.Schedule.StartOf(CampaignPhase.Nominating)); // 10:00 in Shanghai is 02:00 UTC
        Assert.Equal(nominating.AddDays(60), campaign.Schedule.StartOf(CampaignPhase.Published));
        Assert.Equal(new CampaignSettings(3, 2, 60, 40, 8, 4, LiveTallies: false, AllowVoteChanges: true), campaign.Settings);
        Assert.Equal("City Spirit Awards, spring 2027", campaign.Name.En);
        var (_, page) = await admin.GetAsync("/admin/campaigns/spring-2027");
        Assert.Contains("The campaign is created, in preparation.", page);
        Assert.Contains("committee 60% · public 40%", page);
        Assert.DoesNotContain("The campaign is created", (await admin.GetAsync("/admin/campaigns/spring-2027")).Html); // said once, not on refresh

        var again = await admin.SubmitForPageAsync("/admin/campaigns/new", NewCampaignForm("spring-2027", nominating.AddDays(1)));
        Assert.Contains("A campaign with the id spring-2027 exists; choose another.", again.Html);
        Assert.Equal(nominating, (await site.Grains.GetGrain<ICampaignGrain>("spring-2027").GetAsync())!.Schedule.StartOf(CampaignPhase.Nominating));
    }

    [Fact]
    public async Task A_form_with_mistakes_says_what_is_wrong_with_each_field_in_Chinese_and_creates_nothing()
    {
        var admin = await AdminAsync("zh-CN");
        var nominating = site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(2);
        var form = NewCampaignForm("New Campaign!", nominating);
        form["Input.NameEn"] = "";
        form["Input.Starts[Screening]"] = $"{nominating.AddDays(-1):yyyy-MM-ddTHH:mm}";
        form["Input.Starts[Tallying]"] = "next spring";
        form["Input.CommitteeWeightPercent"] = "150";
        form["Input.ShortlistSize"] = "<script>alert(1)</script>";

        var before = (await CampaignServices.LoadCampaignsAsync(site.Grains)).Count;

        var response = await admin.SubmitAsync("/admin/campaigns/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);
        Assert.Contains("请修改以下问题", html);
        Assert.Contains("活动编号请用 3 至 40 个小写字母、数字或连字符", html);
        Assert.Contains("<a href=\"#Input_NameEn\">英文名称：请填写此项。</a>", html); // the summary names the field
        Assert.Contains("<a href=\"#Input_CommitteeWeightPercent\">评委评分权重（%）：请填写 0 到 100 之间的整数。</a>", html);
        Assert.Contains("<a href=\"#Input_Starts_Tallying_\">「计票中」的开始时间格式不对", html); // the message names the phase
        Assert.Contains("「资格审核」须在「推荐中」之后开始。", html);
        Assert.Contains("「计票中」的开始时间格式不对", html);
        Assert.Contains("请填写 0 到 100 之间的整数。", html);
        Assert.Contains("请填写 1 到 50 之间的整数。", html);
        Assert.DoesNotContain("<script>alert(1)</script>", raw); // what was typed comes back as text
        Assert.Contains("value=\"2027 春季城市精神奖\"", html); // and nothing typed is lost
        Assert.Equal(before, (await CampaignServices.LoadCampaignsAsync(site.Grains)).Count);
    }
}
