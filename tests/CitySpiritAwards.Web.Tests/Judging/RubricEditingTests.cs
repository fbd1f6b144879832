using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>Administrators give an award its own bilingual rubric for a campaign; members then score against it.</summary>
public sealed class RubricEditingTests : IAsyncLifetime
{
    private const string Campaign = "custom";
    private const string Page = $"/committee/{Campaign}/rubrics/{CategoryIds.Excellence}";
    private readonly JudgingSite _site = new();

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        await _site.CreateCampaignAsync(Campaign, judgesPerEntry: 1);
    }

    public Task DisposeAsync() => _site.DisposeAsync();

    private static Dictionary<string, string> Form(int craftWeight, int serviceWeight) => new()
    {
        ["Criteria[0].Id"] = "craft", ["Criteria[0].NameZh"] = "匠心独运", ["Criteria[0].NameEn"] = "Craftsmanship", ["Criteria[0].GuidanceZh"] = "干一行爱一行", ["Criteria[0].GuidanceEn"] = "Loves the trade", ["Criteria[0].Weight"] = $"{craftWeight}",
        ["Criteria[1].Id"] = "service", ["Criteria[1].NameZh"] = "服务他人", ["Criteria[1].NameEn"] = "Service to others", ["Criteria[1].Weight"] = $"{serviceWeight}",
        ["Criteria[2].Id"] = "", ["Criteria[2].NameZh"] = "", ["Criteria[2].NameEn"] = "", ["Criteria[2].Weight"] = "",
    };

    private async Task<AccountBrowser> AdminAsync(string culture = "en")
    {
        var admin = new AccountBrowser(_site.App, culture);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(JudgingSite.AdminEmail, JudgingSite.AdminPassword)).StatusCode);
        return admin;
    }

    [Fact]
    public async Task An_administrator_replaces_the_default_rubric_before_scoring_and_members_score_against_it()
    {
        var admin = await AdminAsync();
        var (_, before) = await admin.GetAsync(Page);
        var wrong = WebUtility.HtmlDecode(await (await JudgingSite.PostAsync(admin, Page, "", Form(60, 30))).Content.ReadAsStringAsync());
        var saved = WebUtility.HtmlDecode(await (await JudgingSite.PostAsync(admin, Page, "", Form(60, 40))).Content.ReadAsStringAsync());
        var entry = (await _site.EntriesAsync(Campaign, CategoryIds.Excellence, 1))[0];
        var ann = await _site.UserAsync("ann@example.org", "Ann", Roles.CommitteeMember);
        await _site.PanelAsync(Campaign, CategoryIds.Excellence, ann);
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        var (_, scoring) = await (await _site.BrowserAsync("ann@example.org", "zh-CN")).GetAsync($"/committee/{Campaign}/entries/{entry}");
        var (_, locked) = await (await AdminAsync("zh-CN")).GetAsync(Page);

        Assert.Contains("This campaign uses the award's default rubric.", before);
        Assert.Contains("value=\"embodiment\"", before);
        Assert.Contains("The weights must add up to 100%.", wrong);
        Assert.Contains("value=\"Craftsmanship\"", wrong);          // what was typed is kept
        Assert.Contains("Rubric saved.", saved);
        Assert.Contains("This campaign has its own rubric for this award.", saved);
        Assert.Contains("匠心独运", scoring);
        Assert.Contains("权重 60%", scoring);
        Assert.Contains("干一行爱一行", scoring);
        Assert.DoesNotContain("marks.embodiment", scoring);
        Assert.Contains("评分阶段开始后不能再修改评分标准。", locked);
        Assert.DoesNotContain("保存评分标准", locked);
    }

    [Fact]
    public async Task Through_the_API_only_administrators_set_a_rubric_and_mistakes_come_back_in_the_readers_language()
    {
        await _site.UserAsync("chair@example.org", "Chair", Roles.CommitteeChair);
        var chair = await _site.BrowserAsync("chair@example.org");
        var admin = await AdminAsync("zh-CN");
        object Rubric(int weight) => new
        {
            criteria = new[]
            {
                new { id = "craft", name = new { zhCn = "匠心", en = "Craft" }, guidance = new { zhCn = "", en = "" }, weightPercent = weight },
            },
        };
        var url = $"/api/admin/campaigns/{Campaign}/rubrics/{CategoryIds.Excellence}";

        var byChair = await chair.Client.PutAsJsonAsync(url, Rubric(100));
        var invalid = await admin.Client.PutAsJsonAsync(admin.Url(url), Rubric(90));
        var valid = await admin.Client.PutAsJsonAsync(admin.Url(url), Rubric(100));
        var read = await admin.Client.GetFromJsonAsync<JsonElement>(admin.Url(url));

        Assert.Equal(HttpStatusCode.Forbidden, byChair.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal("各项权重之和须为 100%。", (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("criteria")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.True(read.GetProperty("custom").GetBoolean());
        Assert.Equal("craft", read.GetProperty("rubric").GetProperty("criteria")[0].GetProperty("id").GetString());
    }
}
