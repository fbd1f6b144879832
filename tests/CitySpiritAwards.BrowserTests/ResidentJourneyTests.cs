using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitySpiritAwards.BrowserTests;

/// <summary>What a newcomer does first, on a phone, in each language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResidentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_newcomer_on_a_phone_sees_the_four_awards_in_Chinese_and_switches_to_English()
    {
        var page = await browser.NewPageAsync(phone: true, locale: "zh-CN");
        await page.GotoAsync("/");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        foreach (var award in new[] { "海纳百川", "追求卓越", "开明睿智", "大气谦和" })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = award, Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "home-zh-CN-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pursuing Excellence", Exact = true }).First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pursuing Excellence" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "40%" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "category-en-phone");
    }

    [Fact]
    public async Task Larger_text_stays_on_from_page_to_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?culture=en");
        var normal = await FontSizeAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Larger text" }).ClickAsync();
        await page.GotoAsync("/categories");

        Assert.True(await FontSizeAsync(page) > normal * 1.15, "the text did not get larger");
        await BrowserFixture.ScreenshotAsync(page, "categories-en-large-text");
    }

    [Theory]
    [InlineData("zh-CN", "大字模式", false)]
    [InlineData("en", "Larger text", false)]
    [InlineData("zh-CN", "大字模式", true)] // a resident's menu has more links
    [InlineData("en", "Larger text", true)]
    public async Task With_larger_text_on_a_phone_the_header_leaves_most_of_the_first_screen_to_the_page(string culture, string larger, bool signedIn)
    {
        var page = signedIn ? await browser.SignedInResidentAsync(culture) : await browser.NewPageAsync(phone: true, locale: culture);
        await page.GotoAsync($"/?culture={culture}");
        await page.GetByRole(AriaRole.Link, new() { Name = larger }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync("text-large");
        await BrowserFixture.ScreenshotAsync(page, $"home-{culture}-phone-large-text{(signedIn ? "-signed-in" : "")}");

        var header = (await page.Locator(".site-header").BoundingBoxAsync())!;
        var viewport = page.ViewportSize!;
        Assert.True(header.Height <= viewport.Height * 0.25, $"the header is {header.Height}px of a {viewport.Height}px screen");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        foreach (var link in await page.Locator(".site-header a, .site-header button").AllAsync())
            Assert.True((await link.BoundingBoxAsync())!.Height >= 44, $"\"{await link.InnerTextAsync()}\" is under 44px high");
        Assert.True(await FontSizeAsync(page) >= 22, "the page's text stays large");
    }

    [Theory]
    [InlineData("zh-CN", "注册", "电子邮箱", "登录")]
    [InlineData("en", "Register", "Email", "Sign in")]
    public async Task A_resident_registers_confirms_from_the_email_and_signs_in(string culture, string register, string email, string signIn)
    {
        var page = await browser.NewPageAsync(phone: true, locale: culture);
        var address = $"resident-{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/account/register");
        await BrowserFixture.ScreenshotAsync(page, $"register-{culture}");

        await page.GetByLabel(email, new() { Exact = false }).First.FillAsync(address);
        await page.Locator("input[name='Input.DisplayName']").FillAsync("Lin");
        await page.Locator("input[name='Input.Password']").FillAsync("Neighbour-pass-1");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("Neighbour-pass-1");
        await page.GetByRole(AriaRole.Button, new() { Name = register }).ClickAsync();

        var link = OutboxReader.LatestTo(browser.Site.DataPath, address).ConfirmationLink();
        await page.GotoAsync(link);
        await BrowserFixture.ScreenshotAsync(page, $"confirmed-{culture}");

        await page.GotoAsync("/account/login");
        await page.Locator("input[name='Input.Email']").FillAsync(address);
        await page.Locator("input[name='Input.Password']").FillAsync("Neighbour-pass-1");
        await page.Locator("form").GetByRole(AriaRole.Button, new() { Name = signIn }).ClickAsync();

        // The menu shows the display name, not the email, to anyone looking over their shoulder.
        var menu = page.GetByRole(AriaRole.Navigation, new() { NameRegex = new Regex("主导航|Main navigation") });
        await Expect(menu).ToContainTextAsync("Lin");
        await Expect(menu).Not.ToContainTextAsync(address);
        await BrowserFixture.ScreenshotAsync(page, $"signed-in-{culture}");
    }

    [Fact]
    public async Task Keyboard_users_can_skip_straight_to_the_content()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/?culture=en");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    private static Task<double> FontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
}
