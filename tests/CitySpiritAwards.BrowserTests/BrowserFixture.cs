using CitySpiritAwards.Testing;
using Microsoft.Playwright;

namespace CitySpiritAwards.BrowserTests;

/// <summary>One running site and one Chromium for the whole assembly; each test opens its own browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Browser-admin-1";

    private IPlaywright? _playwright;

    public SiteProcess Site { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots of every page visited, kept as test artifacts.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, ".artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./build.sh test, which installs Debian's chromium.");
        Directory.CreateDirectory(ScreenshotFolder);
        // The site as a person meets it: embedded mode, a fresh data folder, a bootstrap administrator.
        Site = await SiteProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Account:SignupPermitLimit"] = "1000",
            ["Fraud:MinimumGroup"] = "1", // the journey has one held vote to clear (a real campaign decides groups of at least 5)
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keep Chromium from calling out to a network it cannot reach.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser (no cookies) sized like a phone or a desktop, its language set as a resident's would be.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string locale = "en-US") =>
        await (await NewContextAsync(phone, locale)).NewPageAsync();

    /// <summary>A fresh browser context (its own cookies), sized like a phone or a desktop.</summary>
    public Task<IBrowserContext> NewContextAsync(bool phone = false, string locale = "en-US") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.Address.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = locale,
        });

    /// <summary>A phone whose resident has just registered, confirmed their email and signed in.</summary>
    public async Task<IPage> SignedInResidentAsync(string locale)
    {
        var page = await NewPageAsync(phone: true, locale: locale);
        var address = $"resident-{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/account/register");
        await page.Locator("input[name='Input.Email']").FillAsync(address);
        await page.Locator("input[name='Input.DisplayName']").FillAsync("Resident");
        await page.Locator("input[name='Input.Password']").FillAsync("Neighbour-pass-1");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("Neighbour-pass-1");
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.GotoAsync(OutboxReader.LatestTo(Site.DataPath, address).ConfirmationLink());
        await page.GotoAsync("/account/login");
        await page.Locator("input[name='Input.Email']").FillAsync(address);
        await page.Locator("input[name='Input.Password']").FillAsync("Neighbour-pass-1");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Site is not null)
            await Site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
