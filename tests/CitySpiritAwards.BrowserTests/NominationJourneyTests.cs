using CitySpiritAwards.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitySpiritAwards.BrowserTests;

/// <summary>A resident nominates a neighbour on a phone, with the keyboard only, and the nominee answers by email link.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NominationJourneyTests(BrowserFixture browser)
{
    private const string Story = "周老伯每周六上午在社区图书室给孩子们讲上海老故事，已经坚持了八年，还把老照片整理成册供大家免费借阅。";

    [Fact]
    public async Task A_resident_nominates_with_the_keyboard_only_and_the_nominee_agrees()
    {
        var page = await browser.SignedInResidentAsync("zh-CN");
        var nominee = $"nominee-{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/campaigns/demo/nominate");
        await NoSeriousViolationsAsync(page);

        await page.GetByLabel("奖项").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown"); // first award
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("周老伯");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.InsertTextAsync(Story);
        await Expect(page.Locator("#story-zh-count")).ToContainTextAsync("/ 2000");
        await page.GetByLabel("被推荐人的电子邮箱").FocusAsync();
        await page.Keyboard.TypeAsync(nominee);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#Photos")).ToBeFocusedAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(new FilePayload { Name = "neighbour.jpg", MimeType = "image/jpeg", Buffer = PhonePhoto() });
        await BrowserFixture.ScreenshotAsync(page, "nominate-zh-CN-phone");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("推荐已提交");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "周老伯" })).ToBeVisibleAsync();
        var thumbnail = page.Locator(".photo-strip img").First;
        await Expect(thumbnail).ToBeVisibleAsync();
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the photo thumbnail should load");
        await NoSeriousViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "my-nominations-zh-CN-phone");

        var nomineePage = await browser.NewPageAsync(phone: true, locale: "zh-CN");
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(OutboxReader.LatestTo(browser.Site.DataPath, nominee).Text, @"https?://\S+/consent/\S+").Value);
        await nomineePage.GotoAsync(link.PathAndQuery);
        await NoSeriousViolationsAsync(nomineePage);
        await nomineePage.GetByRole(AriaRole.Button, new() { Name = "同意公开" }).ClickAsync();

        await Expect(nomineePage.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存您的选择");
        await Expect(nomineePage.Locator("main")).ToContainTextAsync("已同意公开");
        await BrowserFixture.ScreenshotAsync(nomineePage, "consent-given-zh-CN-phone");
    }

    /// <summary>A photo as a phone takes it: a 1600 × 1200 JPEG.</summary>
    private static byte[] PhonePhoto()
    {
        using var image = new ImageMagick.MagickImage(new ImageMagick.MagickColor("#C08040"), 1600, 1200);
        return image.ToByteArray(ImageMagick.MagickFormat.Jpeg);
    }

    private static async Task NoSeriousViolationsAsync(IPage page)
    {
        var serious = (await page.RunAxe()).Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n{string.Join("\n", serious)}");
    }
}
