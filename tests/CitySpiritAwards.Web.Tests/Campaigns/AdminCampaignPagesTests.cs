using System.Net;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
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
        Assert.Contains("<button type=\"submit\" class=\"button\" name=\"phase\" value=\"Nominating\">Start Nominations open now</button>", before);

        var (_, unticked) = await admin.SubmitForPageAsync(page, Start(CampaignPhase.Nominating, confirm: false));
        Assert.Contains("Tick the confirmation box first, then start Nominations open.", unticked);
        Assert.Equal(CampaignPhase.Draft, await PhaseAsync("admin-early"));

        var (status, started) = await admin.SubmitForPageAsync(page, Start(CampaignPhase.Nominating));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The campaign is now in Nominations open.", started);
        Assert.Contains("value=\"Screening\">Start Screening now</button>", started); // the next step is offered
        Assert.Equal(CampaignPhase.Nominating, await PhaseAsync("admin-early"));

        // The same form sent again (a double click, a second tab): nothing more happens.
        var (_, again) = await admin.SubmitForPageAsync(page, Start(CampaignPhase.Nominating));
        Assert.Contains("The campaign is already in Nominations open; nothing changed.", again);
        // A form from a tab left open long ago, asking for a later phase: refused, the campaign stays.
        var (_, skipped) = await admin.SubmitForPageAsync(page, Start(CampaignPhase.PublicVoting));
        Assert.Contains("Phases cannot be skipped: the campaign is in Nominations open.", skipped);
        Assert.Equal(CampaignPhase.Nominating, await PhaseAsync("admin-early"));

        var audit = await site.Grains.GetGrain<ICampaignGrain>("admin-early").GetAuditLogAsync();
        Assert.Single(audit, a => a.Actor == $"admin:{ResultsSite.AdminEmail}");
    }

    [Fact]
    public async Task Closing_the_vote_from_the_page_computes_the_results_as_the_schedule_would_in_Chinese_too()
    {
        var entries = await site.CreateCampaignAsync("admin-close");
        await site.ClockReachesAsync("admin-close", CampaignPhase.PublicVoting);
        await site.VoteAsync("admin-close", entries["B"]);
        var admin = await AdminAsync("zh-CN");

        var (_, closed) = await admin.SubmitForPageAsync("/admin/campaigns/admin-close", Start(CampaignPhase.Tallying));

        Assert.Contains("已进入「计票中」。", closed);
        Assert.Contains("现在开始「结果已公布」", closed);
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
}
