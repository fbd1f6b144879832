using System.Net;
using System.Text.RegularExpressions;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>The nomination form as a resident uses it in a browser (antiforgery token and all).</summary>
public sealed partial class NominatePageTests(NominationApiTests.Site site) : IClassFixture<NominationApiTests.Site>
{
    private const string Story = "钱阿婆每天清早在弄堂口给上学的孩子们过马路，风雨无阻坚持了十二年，孩子们都叫她“护学奶奶”，家长们都很放心。";

    private async Task<AccountBrowser> ResidentAsync(string culture)
    {
        var browser = new AccountBrowser(site.App, culture);
        var email = AccountBrowser.NewEmail("resident");
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(email, "Resident-pass-1");
        await browser.SignInAsync(email, "Resident-pass-1");
        return browser;
    }

    private static Dictionary<string, string> Form(string name, string nomineeEmail, string nominationId, string story = Story) => new()
    {
        ["NominationId"] = nominationId,
        ["Form.CategoryId"] = "magnanimity",
        ["Form.NomineeName"] = name,
        ["Form.DistrictId"] = "hongkou",
        ["Form.Relationship"] = "neighbour",
        ["Form.StoryZh"] = story,
        ["Form.StoryEn"] = "",
        ["Form.NomineeEmail"] = nomineeEmail,
    };

    [Fact]
    public async Task A_visitor_is_asked_to_sign_in_first()
    {
        var response = await site.App.CreateBrowser().GetAsync("/campaigns/demo/nominate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Mistakes_are_explained_next_to_the_fields_in_Chinese_and_nothing_is_stored()
    {
        var resident = await ResidentAsync("zh-CN");

        var response = await resident.SubmitMultipartAsync("/campaigns/demo/nominate",
            Form("钱", "not-an-email", Guid.NewGuid().ToString("N"), story: "太短"));
        var (status, html) = (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请修改以下问题", html);
        Assert.Contains("至少需要 2 个字", html);
        Assert.Contains("有效的电子邮箱", html);
        Assert.Contains("至少需要 50 个字", html);
        var (_, mine) = await resident.GetAsync("/campaigns/demo/my-nominations");
        Assert.Contains("您在本次活动中还没有推荐", mine);
    }

    [Theory]
    [InlineData("zh-CN", "被推荐人姓名：请填写此项。", "：")]
    [InlineData("en", "Nominee's name: please fill this in.", ": ")]
    public async Task An_empty_form_is_summarised_at_the_top_one_line_per_field_each_naming_its_field_and_linking_to_it(
        string culture, string nameLine, string separator)
    {
        var resident = await ResidentAsync(culture);
        var empty = new Dictionary<string, string> { ["NominationId"] = Guid.NewGuid().ToString("N") };

        var response = await resident.SubmitMultipartAsync("/campaigns/demo/nominate", empty);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = ErrorSummary().Match(html);
        Assert.True(summary.Success, "the errors are summarised at the top");
        Assert.True(summary.Index < html.IndexOf("enctype=\"multipart/form-data\"", StringComparison.Ordinal), "the summary comes before the form");
        var lines = SummaryLine().Matches(summary.Value);
        Assert.True(lines.Count >= 5, $"one line per missing field, got {lines.Count}");
        Assert.Equal(lines.Count, SummaryItem().Matches(summary.Value).Count); // every line links
        foreach (Match line in lines)
        {
            var (id, text) = (line.Groups["id"].Value, line.Groups["text"].Value);
            var label = Regex.Match(html, $"<label for=\"{Regex.Escape(id)}\">([^<]+)</label>");
            Assert.True(label.Success, $"the line \"{text}\" links to #{id}, a field with a label");
            Assert.StartsWith(label.Groups[1].Value + separator, text); // named as the form labels it
        }
        var ids = lines.Select(line => line.Groups["id"].Value).ToList();
        Assert.Equal(ids.OrderBy(id => html.IndexOf($"<label for=\"{id}\">", StringComparison.Ordinal)), ids); // in the form's order
        Assert.Contains($"<a href=\"#Form_NomineeName\">{nameLine}</a>", summary.Value);
        Assert.Contains($"<a href=\"#Form_StoryZh\">", summary.Value);
        // Beside the field itself the message stays short.
        var required = culture == "en" ? "Please fill this in." : "请填写此项。";
        Assert.Matches($"id=\"name-error\"[^>]*>{Regex.Escape(required)}</span>", html);
    }

    [Fact]
    public async Task Pressing_submit_twice_makes_one_nomination_and_one_email()
    {
        var resident = await ResidentAsync("en");
        var nominee = AccountBrowser.NewEmail("nominee");
        var (_, page) = await resident.GetAsync("/campaigns/demo/nominate");
        var nominationId = NominationIdField().Match(page).Groups[1].Value;

        var first = await resident.SubmitMultipartAsync("/campaigns/demo/nominate", Form("钱阿婆", nominee, nominationId));
        var second = await resident.SubmitMultipartAsync("/campaigns/demo/nominate", Form("钱阿婆", nominee, nominationId));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var (_, mine) = await resident.GetAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("Your nomination is in", mine);
        Assert.Single(NomineeHeading().Matches(mine));
        Assert.Single(OutboxReader.To(site.App.DataPath, nominee));
    }

    [Fact]
    public async Task A_resident_withdraws_their_nomination_from_their_list_after_ticking_that_it_cannot_be_undone()
    {
        var resident = await ResidentAsync("en");
        var submitted = await resident.SubmitMultipartAsync("/campaigns/demo/nominate", Form("钱阿婆", AccountBrowser.NewEmail("nominee"), Guid.NewGuid().ToString("N")));
        const string listPath = "/campaigns/demo/my-nominations";
        var (_, before) = await resident.GetAsync(submitted.Headers.Location!.OriginalString);
        var nominationId = Regex.Match(before, "name=\"nominationId\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains($"<label for=\"withdraw-{nominationId}\">I understand a withdrawn nomination cannot be restored: it leaves the awards for good.<span class=\"visually-hidden\"> — 钱阿婆</span></label>", before);

        // Without the tick: the list comes back with the box marked and named; the nomination stays.
        var unticked = await resident.SubmitAsync(listPath + "?handler=Withdraw", new Dictionary<string, string> { ["nominationId"] = nominationId }, listPath);
        var untickedPage = WebUtility.HtmlDecode(await unticked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains($"<a href=\"#withdraw-{nominationId}\">Tick “I understand a withdrawn nomination cannot be restored” under 钱阿婆 first, then withdraw. Nothing changed.</a>", untickedPage);
        Assert.Contains($"id=\"withdraw-{nominationId}\" name=\"confirm\" value=\"true\" aria-invalid=\"true\"", untickedPage);
        Assert.Contains("Status: <strong>Submitted, awaiting screening</strong>", untickedPage); // read from the nomination again

        // With it: a redirect back to the list (post/redirect/get), which says it once.
        var withdrawn = await resident.SubmitAsync(listPath + "?handler=Withdraw", new Dictionary<string, string> { ["nominationId"] = nominationId, ["confirm"] = "true" }, listPath);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(listPath, withdrawn.Headers.Location?.OriginalString);
        var (_, after) = await resident.GetAsync(listPath);
        Assert.Contains("The nomination has been withdrawn.", after);
        Assert.Contains("Withdrawn", after);
        Assert.DoesNotContain("The nomination has been withdrawn.", (await resident.GetAsync(listPath)).Html);
    }

    [Theory]
    [InlineData("en", "you have made them all", "See my nominations")]
    [InlineData("zh-CN", "您的名额已用完", "查看我的推荐")]
    public async Task Once_the_quota_is_used_the_page_offers_no_form_only_the_way_to_the_residents_nominations(string culture, string used, string link)
    {
        var resident = await ResidentAsync(culture);
        var quota = (await site.App.Services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignGrain>("demo").GetAsync())!.Settings.NominationsPerResident;
        for (var i = 0; i < quota; i++)
        {
            var (_, form) = await resident.GetAsync("/campaigns/demo/nominate");
            Assert.Contains("name=\"NominationId\"", form); // still offered while a place is left
            var submitted = await resident.SubmitMultipartAsync("/campaigns/demo/nominate", Form($"钱阿婆{i}", AccountBrowser.NewEmail("nominee"), Guid.NewGuid().ToString("N")));
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var (status, page) = await resident.GetAsync("/campaigns/demo/nominate");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(used, WebUtility.HtmlDecode(page));
        Assert.Contains(link, WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("name=\"NominationId\"", page);
        Assert.DoesNotContain("enctype=\"multipart/form-data\"", page);
    }

    [GeneratedRegex("name=\"NominationId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex NominationIdField();

    [GeneratedRegex("<div class=\"notice notice-error\" role=\"alert\" aria-labelledby=\"error-summary-title\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();

    [GeneratedRegex("<li><a href=\"#(?<id>[^\"]+)\">(?<text>[^<]+)</a></li>")]
    private static partial Regex SummaryLine();

    [GeneratedRegex("<li>")]
    private static partial Regex SummaryItem();

    [GeneratedRegex("<h2>钱阿婆</h2>")]
    private static partial Regex NomineeHeading();
}
