using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Site;

/// <summary>What a newcomer sees after `dotnet run`: the embedded site with the seeded awards and demo campaign.</summary>
public sealed class EmbeddedSiteTests(EmbeddedSiteFixture site) : IClassFixture<EmbeddedSiteFixture>
{
    [Fact]
    public async Task The_home_page_shows_the_four_awards_in_Chinese_by_default()
    {
        var html = await site.Factory.CreateBrowser().GetStringAsync("/");

        Assert.Contains("<html lang=\"zh-CN\"", html);
        foreach (var phrase in new[] { "海纳百川", "追求卓越", "开明睿智", "大气谦和" })
            Assert.Contains(phrase, html);
    }

    [Fact]
    public async Task The_home_page_in_English_shows_the_English_award_names_and_the_demo_notice()
    {
        var html = await site.Factory.CreateBrowser().GetStringAsync("/?culture=en");

        Assert.Contains("<html lang=\"en\"", html);
        foreach (var name in new[] { "Embracing All Rivers", "Pursuing Excellence", "Open-minded Wisdom", "Magnanimity and Modesty" })
            Assert.Contains(name, html);
        Assert.Contains("fictional", html);
    }

    [Fact]
    public async Task Choosing_English_is_remembered_on_the_next_page()
    {
        var browser = site.Factory.CreateBrowser();

        var choose = await browser.GetAsync("/preferences/culture?culture=en&returnUrl=%2Fcategories");
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/categories", choose.Headers.Location?.OriginalString);

        var html = await browser.GetStringAsync("/categories");
        Assert.Contains("The four awards", html);
    }

    [Fact]
    public async Task The_language_switch_does_not_redirect_off_site()
    {
        var response = await site.Factory.CreateBrowser().GetAsync("/preferences/culture?culture=en&returnUrl=%2F%2Fevil.example");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Large_text_is_remembered_for_elderly_readers()
    {
        var browser = site.Factory.CreateBrowser();

        await browser.GetAsync("/preferences/text-size?size=large&returnUrl=%2F");
        var html = await browser.GetStringAsync("/");

        Assert.Contains("class=\"text-large\"", html);
    }

    [Fact]
    public async Task A_category_page_shows_its_rubric_with_weights()
    {
        var html = await site.Factory.CreateBrowser().GetStringAsync("/categories/excellence?culture=en");

        Assert.Contains("Pursuing Excellence", html);
        Assert.Contains("40%", html);
        Assert.Contains("10%", html);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_readable_not_found_page_in_the_readers_language()
    {
        var response = await site.Factory.CreateBrowser().GetAsync("/categories/bravery?culture=zh-CN");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到这个页面", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_categories_api_lists_the_four_awards_in_order_with_valid_rubrics()
    {
        var categories = await site.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/categories");

        Assert.Equal(["inclusiveness", "excellence", "wisdom", "magnanimity"],
            categories.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        foreach (var category in categories.EnumerateArray())
        {
            var weights = category.GetProperty("rubric").GetProperty("criteria").EnumerateArray().Sum(c => c.GetProperty("weightPercent").GetInt32());
            Assert.Equal(100, weights);
        }
    }

    [Fact]
    public async Task The_api_answers_an_unknown_category_with_problem_json()
    {
        var response = await site.Factory.CreateClient().GetAsync("/api/categories/bravery");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("没有这个奖项类别", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_api_lists_sixteen_districts()
    {
        var districts = await site.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/districts");

        Assert.Equal(16, districts.GetArrayLength());
    }

    [Fact]
    public async Task The_demo_campaign_is_open_for_nominations_and_its_public_entries_hide_the_nominator()
    {
        var client = site.Factory.CreateClient();
        var campaign = await client.GetFromJsonAsync<JsonElement>("/api/campaigns/demo");
        var nominations = await client.GetStringAsync("/api/campaigns/demo/nominations");

        Assert.Equal("Nominating", campaign.GetProperty("phase").GetString());
        Assert.True(JsonDocument.Parse(nominations).RootElement.GetProperty("total").GetInt32() >= 8);
        Assert.DoesNotContain("nominator", nominations, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@example.org", nominations); // the nominee's email stays private
    }

    [Fact]
    public async Task The_openapi_document_is_served_and_lists_no_dashboard()
    {
        var document = await site.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/categories", out _));
        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), path => path.Name.StartsWith("/admin/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready_with_each_part()
    {
        var client = site.Factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        foreach (var part in new[] { "database", "photos", "cluster" })
        {
            Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty(part).GetProperty("status").GetString());
            // What each part is (provider, store, silos) is for administrators, not for anyone probing the site.
            Assert.Equal(JsonValueKind.Null, ready.GetProperty("checks").GetProperty(part).GetProperty("description").ValueKind);
        }
    }

    [Theory]
    [InlineData("/admin/orleans")]
    [InlineData("/admin/hangfire")]
    [InlineData("/api/admin/cluster")]
    public async Task Dashboards_and_admin_api_are_closed_to_visitors(string path)
    {
        var response = await site.Factory.CreateBrowser().GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized,
            $"{path} answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await site.Factory.CreateBrowser().GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
    }

    [Theory]
    [InlineData("/admin/campaigns", false)]
    [InlineData("/admin/accounts", false)]
    [InlineData("/admin/hangfire", true)]
    [InlineData("/admin/orleans", true)]
    public async Task Only_the_dashboards_may_run_inline_script_and_no_page_may_post_elsewhere(string path, bool dashboard)
    {
        var csp = (await site.Factory.CreateBrowser().GetAsync(path)).Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(dashboard, csp.Contains("'unsafe-inline'"));
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("base-uri 'self'", csp);
    }

    [Fact]
    public async Task Every_page_links_the_site_icon_which_the_content_security_policy_allows()
    {
        var browser = site.Factory.CreateBrowser();
        var home = await browser.GetAsync("/");
        var html = await home.Content.ReadAsStringAsync();

        Assert.Contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\" />", html);
        Assert.Contains("img-src 'self'", home.Headers.GetValues("Content-Security-Policy").Single());
        var icon = await browser.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await icon.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task Favicon_ico_is_sent_to_the_svg_for_good_rather_than_a_404(string method)
    {
        var response = await site.Factory.CreateBrowser().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/favicon.ico"));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/favicon.svg", response.Headers.Location?.OriginalString);
    }
}

public sealed class EmbeddedSiteFixture : IAsyncLifetime
{
    public AwardsAppFactory Factory { get; } = new();

    public Task InitializeAsync() => Factory.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}
