using Deque.AxeCore.Playwright;

namespace CitySpiritAwards.BrowserTests;

/// <summary>An automated accessibility check (axe) on every page: no serious or critical violations, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var path in new[] { "/", "/campaigns", "/help", "/privacy", "/categories", "/categories/inclusiveness", "/account/register", "/account/login", "/account/resend-confirmation", "/account/forgot-password", "/error/404",
                                       "/campaigns/demo/gallery", "/campaigns/demo/gallery?district=pudong&page=1", "/nominations/demo-conversation-corner" })
                data.Add(path, culture);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_accessibility_problems(string path, string culture)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{path}{(path.Contains('?') ? '&' : '?')}culture={culture}");

        var result = await page.RunAxe();
        await BrowserFixture.ScreenshotAsync(page, $"page{string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}-{culture}");

        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{path} in {culture}:\n{string.Join("\n", serious)}");
    }
}
