using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitySpiritAwards.BrowserTests;

/// <summary>A person in the journey: their account and the browser tab they use.</summary>
public sealed record Person(string Email, IPage Page);

/// <summary>
/// What every step of a <see cref="FullJourneyTests"/> journey needs: the people's browsers in one language, the site's
/// words in that language, a check of each page (axe and a numbered screenshot), accounts made through the pages, and
/// the campaign under test.
/// </summary>
public sealed class Journey(BrowserFixture browser, string culture) : IAsyncDisposable
{
    public const string Password = "Journey-pass-1";

    private readonly List<IBrowserContext> _contexts = [];
    private int _step;
    private bool _campaignPageFound;

    public string Culture => culture;

    /// <summary>The other language: a visitor whose browser speaks it switches with the header link.</summary>
    public string OtherCulture => culture == "zh-CN" ? "en" : "zh-CN";

    public SiteText Text { get; } = new(culture);

    public string CampaignId { get; } = $"journey-{culture.ToLowerInvariant()}-{Guid.NewGuid():N}"[..30];

    public string CampaignName => culture == "zh-CN" ? "浏览器全流程测试评选" : "Browser journey test round";

    public Person Admin { get; private set; } = null!;

    /// <summary>A fresh browser (no cookies) on a phone or a desktop, speaking <see cref="Culture"/> unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string? locale = null, bool javaScript = true)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.Site.Address.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = locale ?? culture,
            JavaScriptEnabled = javaScript,
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The page as it is now: in the journey's language (unless <paramref name="lang"/> says otherwise), no serious or
    /// critical axe violation, and a screenshot named journey-{culture}-{NN}-{step}.
    /// </summary>
    public async Task CheckAsync(IPage page, string step, string? lang = null)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang ?? culture);
        var result = await page.RunAxe();
        await ScreenshotAsync(page, step);
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"step {step} ({page.Url}) in {culture}:\n{string.Join("\n", serious)}");
    }

    /// <summary>A screenshot without the checks, for a page already checked in another state.</summary>
    public Task ScreenshotAsync(IPage page, string step)
    {
        if (_step == 0)
        {
            // The numbers restart with each run: an earlier run's pictures would mix with this one's.
            foreach (var old in Directory.EnumerateFiles(BrowserFixture.ScreenshotFolder, $"journey-{culture}-*.png"))
                File.Delete(old);
        }
        return BrowserFixture.ScreenshotAsync(page, $"journey-{culture}-{++_step:00}-{step}");
    }

    /// <summary>Registers on the register page and confirms by the link in the email; <paramref name="check"/> checks each page on the way.</summary>
    public async Task<string> RegisterAsync(IPage page, string who, bool check = false)
    {
        var email = $"{who}-{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/account/register");
        if (check)
            await CheckAsync(page, $"{who}-register");
        var form = page.Locator("main form");
        await form.GetByLabel(Text["Account.Email"], new() { Exact = true }).FillAsync(email);
        await form.GetByLabel(Text["Account.DisplayName"], new() { Exact = true }).FillAsync(who);
        await form.GetByLabel(Text["Account.Password"], new() { Exact = true }).FillAsync(Password);
        await form.GetByLabel(Text["Account.ConfirmPassword"], new() { Exact = true }).FillAsync(Password);
        await form.GetByRole(AriaRole.Button, new() { Name = Text["Account.Register.Submit"], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(Text["Account.CheckEmail.Title"]);
        if (check)
            await CheckAsync(page, $"{who}-check-email");

        var mail = OutboxReader.LatestTo(browser.Site.DataPath, email);
        Assert.Contains(Text["Account.Email.Confirm.Subject"], mail.Subject); // emails speak both languages
        await page.GotoAsync(mail.ConfirmationLink());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(Text["Account.Confirm.Done", email]);
        if (check)
            await CheckAsync(page, $"{who}-email-confirmed");
        return email;
    }

    /// <summary>Signs in on the sign-in page (opened unless the person is on it already); the menu then shows the account's display name.</summary>
    public async Task SignInAsync(IPage page, string email, string shownAs, string password = Password, bool check = false, string step = "sign-in")
    {
        if (!page.Url.Contains("/account/login"))
            await page.GotoAsync("/account/login");
        if (check)
            await CheckAsync(page, step);
        var form = page.Locator("main form");
        await form.GetByLabel(Text["Account.Email"], new() { Exact = true }).FillAsync(email);
        await form.GetByLabel(Text["Account.Password"], new() { Exact = true }).FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = Text["Account.Login.Submit"], Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = Text["Layout.MainNavigation"] })).ToContainTextAsync(shownAs);
    }

    /// <summary>The bootstrap administrator, signed in on a desktop.</summary>
    public async Task<Person> AdministratorAsync()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, BrowserFixture.AdminEmail, shownAs: "admin", BrowserFixture.AdminPassword);
        return Admin = new Person(BrowserFixture.AdminEmail, page);
    }

    /// <summary>
    /// A member of staff: registers and confirms through the pages, is given the role by the administrator, then signs in
    /// (a role applies from the next sign-in). There is no roles page: the administrator uses /api/admin/accounts.
    /// </summary>
    public async Task<Person> StaffAsync(string who, string role)
    {
        var page = await NewPageAsync();
        var email = await RegisterAsync(page, who);
        await ExpectOkAsync(await Admin.Page.APIRequest.PutAsync($"/api/admin/accounts/{Uri.EscapeDataString(email)}/roles/{role}"), $"give {who} {role}");
        await SignInAsync(page, email, shownAs: who);
        return new Person(email, page);
    }

    /// <summary>
    /// The administrator creates the campaign through /api/admin/campaigns (the new-campaign page has no fraud thresholds,
    /// which this journey sets; that page has its own tests), every phase start a month ahead
    /// so only the administrator's early advances move it. Two judges per entry; votes from a second account on one network
    /// are held for review (every browser here shares 127.0.0.1, so the second resident's vote is held, deterministically);
    /// accounts are never "too fresh" (they are all minutes old).
    /// </summary>
    public async Task CreateCampaignAsync()
    {
        var start = DateTimeOffset.UtcNow.AddDays(30);
        var campaign = new
        {
            id = CampaignId,
            name = new { zhCn = "浏览器全流程测试评选", en = "Browser journey test round" },
            description = new { zhCn = "从推荐到公布结果的完整流程测试", en = "A whole round, from nomination to published results" },
            phaseStarts = new Dictionary<string, DateTimeOffset>
            {
                ["Nominating"] = start, ["Screening"] = start.AddDays(1), ["CommitteeScoring"] = start.AddDays(2),
                ["PublicVoting"] = start.AddDays(3), ["Tallying"] = start.AddDays(4), ["Published"] = start.AddDays(5),
            },
            settings = new
            {
                nominationsPerResident = 5, votesPerCategory = 1, committeeWeightPercent = 70, publicWeightPercent = 30,
                shortlistSize = 5, judgesPerEntry = 2, liveTallies = true,
                fraud = new { freshAccountAge = "00:00:00", accountsPerNetwork = 1 },
            },
        };
        await ExpectOkAsync(await Admin.Page.APIRequest.PostAsync("/api/admin/campaigns", new() { DataObject = campaign }), $"create {CampaignId}");
    }

    /// <summary>
    /// The administrator starts <paramref name="phase"/> early on the campaign's page: the first time reached from the menu
    /// (Administration, then the campaign in the list), then from where they keep it; ticks the confirmation and presses the
    /// button naming the phase.
    /// </summary>
    public async Task AdvanceAsync(string phase)
    {
        var page = Admin.Page;
        var name = Text[$"Phase.{phase}"];
        if (!_campaignPageFound)
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation, new() { Name = Text["Layout.MainNavigation"] })
                .GetByRole(AriaRole.Link, new() { Name = Text["Nav.Admin"], Exact = true }).ClickAsync();
            await CheckAsync(page, "admin-campaigns");
            // Campaigns may share a name: the list shows each one's id beside it.
            await page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"({CampaignId})" })
                .GetByRole(AriaRole.Link, new() { Name = CampaignName, Exact = true }).ClickAsync();
            _campaignPageFound = true;
        }
        else
            await page.GotoAsync($"/admin/campaigns/{CampaignId}");

        var start = page.GetByRole(AriaRole.Button, new() { Name = Text[$"Admin.Campaign.StartNow.{phase}"], Exact = true });
        await Expect(start).ToHaveAttributeAsync("name", "phase");
        await Expect(start).ToHaveAttributeAsync("value", phase);
        await page.GetByLabel(Text["Admin.Campaign.Confirm"], new() { Exact = true }).CheckAsync();
        await start.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(Text["Admin.Campaign.Advanced", name]);
        await Expect(page.Locator("main .lead")).ToContainTextAsync(name);
        await CheckAsync(page, $"campaign-{phase}");
    }

    /// <summary>The link in the latest email to <paramref name="address"/> that leads to <paramref name="path"/> (e.g. "/consent/"), as path and query.</summary>
    public string LinkInEmail(string address, string path)
    {
        var mail = OutboxReader.LatestTo(browser.Site.DataPath, address);
        var match = Regex.Match(mail.Text, $@"https?://\S+{Regex.Escape(path)}\S+");
        Assert.True(match.Success, $"No {path} link in the email to {address}:\n{mail.Text}");
        return new Uri(match.Value).PathAndQuery;
    }

    public string SubjectOfEmailTo(string address) => OutboxReader.LatestTo(browser.Site.DataPath, address).Subject;

    public static async Task ExpectOkAsync(IAPIResponse response, string what)
    {
        if (!response.Ok)
            throw new InvalidOperationException($"{what}: {response.Status} {await response.TextAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.CloseAsync();
    }
}
