using System.Text.Json;
using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;
using Microsoft.Playwright;

namespace CitySpiritAwards.BrowserTests;

/// <summary>
/// A judging round set up the way the site's people do it, through its pages and API only: accounts register and confirm
/// by the emailed link, the bootstrap administrator gives the staff roles (/api/admin/accounts) and creates two campaigns,
/// a resident nominates, nominees agree through their link, the moderator approves, the chair seats the member on the
/// panel, the administrator moves the phases. <see cref="Scoring"/> stays in committee scoring with its entries assigned and
/// unscored; <see cref="Voting"/> goes on (the member scores, the shortlist is published) to public voting, where the resident
/// has cast one vote (<see cref="Receipt"/>). Built once per run, on first use.
/// </summary>
public sealed partial class CommitteeRound
{
    public const string Password = "Round-pass-1";
    private const string Category = "wisdom";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static CommitteeRound? _built;

    private CommitteeRound(BrowserFixture browser) => Browser = browser;

    private BrowserFixture Browser { get; }

    public string Scoring { get; } = $"scoring-{Guid.NewGuid():N}"[..20];

    public string Voting { get; } = $"voting-{Guid.NewGuid():N}"[..20];

    /// <summary>An entry of <see cref="Scoring"/> assigned to the member.</summary>
    public string ScoringEntry { get; private set; } = "";

    public string Receipt { get; private set; } = "";

    /// <summary>A signed-in browser context per persona: admin, moderator, member, chair, resident; and visitor.</summary>
    public IReadOnlyDictionary<string, IBrowserContext> People => _people;

    private readonly Dictionary<string, IBrowserContext> _people = [];

    public static async Task<CommitteeRound> GetAsync(BrowserFixture browser)
    {
        await Gate.WaitAsync();
        try
        {
            if (_built is null)
            {
                var round = new CommitteeRound(browser);
                await round.BuildAsync();
                _built = round;
            }
            return _built;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task BuildAsync()
    {
        _people["visitor"] = await Browser.NewContextAsync();
        _people["admin"] = await SignedInAsync(BrowserFixture.AdminEmail, BrowserFixture.AdminPassword);
        var staff = new Dictionary<string, string>();
        foreach (var (person, role) in new[] { ("moderator", "Moderator"), ("member", "CommitteeMember"), ("chair", "CommitteeChair"), ("resident", "") })
        {
            var email = await RegisterAsync(person);
            if (role.Length > 0)
                await ExpectOkAsync(await Api("admin").PutAsync($"/api/admin/accounts/{Uri.EscapeDataString(email)}/roles/{role}"), $"give {role}");
            staff[person] = email;
            _people[person] = await SignedInAsync(email, Password);
        }

        foreach (var campaign in new[] { Scoring, Voting })
        {
            await ExpectOkAsync(await Api("admin").PostAsync("/api/admin/campaigns", Json(NewCampaign(campaign))), $"create {campaign}");
            await AdvanceAsync(campaign, "Nominating");
            var entries = new List<string>();
            for (var i = 1; i <= 2; i++)
                entries.Add(await NominateAndConsentAsync(campaign, i));
            await AdvanceAsync(campaign, "Screening");
            foreach (var entry in entries)
                await ExpectOkAsync(await Api("moderator").PostAsync($"/api/nominations/{entry}/moderation", Json(new { action = "Approve" })), "approve");
            await ExpectOkAsync(await Api("chair").PostAsync($"/api/committee/{campaign}/chair/panels/{Category}/members", Json(new { email = staff["member"] })), "seat the member");
            await AdvanceAsync(campaign, "CommitteeScoring");
            var assigned = await AssignedToMemberAsync(campaign, entries.Count);
            if (assigned.Order().SequenceEqual(entries.Order()) is false)
                throw new InvalidOperationException($"{campaign}: the member was assigned [{string.Join(", ", assigned)}], not the approved entries.");
            if (campaign == Scoring)
            {
                ScoringEntry = assigned[0];
                continue;
            }
            foreach (var (entry, mark) in assigned.Select((e, i) => (e, 9 - i)))
            {
                var marks = new Dictionary<string, int> { ["embodiment"] = mark, ["impact"] = mark, ["sustained"] = mark, ["evidence"] = mark };
                await ExpectOkAsync(await Api("member").PutAsync($"/api/committee/{campaign}/entries/{entry}/score", Json(new { marks, comment = "测试评语 Test remark", submit = true })), "score");
            }
            await AdvanceAsync(campaign, "PublicVoting");
        }

        var vote = await JsonAsync(await Api("resident").PostAsync($"/api/campaigns/{Voting}/votes", Json(new { entryId = await FirstShortlistedAsync() })));
        Receipt = vote.GetProperty("receipt").GetString()!;
    }

    public IAPIRequestContext Api(string person) => _people[person].APIRequest;

    /// <summary>The member's queue once judge assignment, a background job after an early advance, has given it <paramref name="expected"/> entries (or after 30 s, what it has).</summary>
    private async Task<List<string>> AssignedToMemberAsync(string campaign, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var queue = await JsonAsync(await Api("member").GetAsync($"/api/committee/{campaign}/queue"));
            var assigned = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entryId").GetString()!).ToList();
            if (assigned.Count >= expected || DateTime.UtcNow > deadline)
                return assigned;
            await Task.Delay(200);
        }
    }

    private async Task<string> FirstShortlistedAsync()
    {
        var shortlist = await JsonAsync(await Api("visitor").GetAsync($"/api/campaigns/{Voting}/tallies"));
        return shortlist.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("entries").EnumerateArray()).First().GetProperty("entryId").GetString()!;
    }

    private async Task<string> RegisterAsync(string person)
    {
        var email = $"{person}-{Guid.NewGuid():N}@example.org";
        var page = await (await Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/account/register?culture=en");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.DisplayName']").FillAsync(person);
        await page.Locator("input[name='Input.Password']").FillAsync(Password);
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync(Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.GotoAsync(OutboxReader.LatestTo(Browser.Site.DataPath, email).ConfirmationLink());
        await page.Context.CloseAsync();
        return email;
    }

    /// <summary>A browser context signed in through the sign-in page (a desktop screen).</summary>
    public async Task<IBrowserContext> SignedInAsync(string email, string password, bool phone = false)
    {
        var context = await Browser.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?culture=en");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.CloseAsync();
        return context;
    }

    private async Task<string> NominateAndConsentAsync(string campaign, int number)
    {
        var nominee = $"nominee-{Guid.NewGuid():N}@example.org";
        var created = await JsonAsync(await Api("resident").PostAsync($"/api/campaigns/{campaign}/nominations", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() },
            DataObject = new
            {
                categoryId = Category,
                districtId = number == 1 ? "putuo" : "hongkou",
                nomineeName = number == 1 ? "测试邻居甲 (Test neighbour A)" : "测试邻居乙 (Test neighbour B)",
                relationship = "neighbour",
                storyZh = "这位测试邻居在社区里调解邻里纠纷十多年，讲道理、守承诺，大家都信服，还把调解经验写成小册子分享给居委会。",
                storyEn = "This test neighbour has mediated disputes in the lane for over ten years, fair and true to their word, and wrote a booklet for the residents' committee.",
                nomineeEmail = nominee,
            },
        }));
        var token = ConsentToken().Match(OutboxReader.LatestTo(Browser.Site.DataPath, nominee).Text).Groups["token"].Value;
        await ExpectOkAsync(await Api("visitor").PostAsync($"/api/consent/{token}", Json(new { action = "Give" })), "consent");
        return created.GetProperty("id").GetString()!;
    }

    private async Task AdvanceAsync(string campaign, string phase) =>
        await ExpectOkAsync(await Api("admin").PostAsync($"/api/admin/campaigns/{campaign}/phase", Json(new { phase })), $"{campaign} to {phase}");

    /// <summary>All phases far ahead: only the administrator's early advances move this campaign.</summary>
    private static object NewCampaign(string id)
    {
        var start = DateTimeOffset.UtcNow.AddDays(30);
        return new
        {
            id,
            name = new { zhCn = "浏览器测试评选", en = "Browser test round" },
            description = new { zhCn = "无障碍与键盘测试", en = "Accessibility and keyboard tests" },
            phaseStarts = new Dictionary<string, DateTimeOffset>
            {
                ["Nominating"] = start, ["Screening"] = start.AddDays(1), ["CommitteeScoring"] = start.AddDays(2),
                ["PublicVoting"] = start.AddDays(3), ["Tallying"] = start.AddDays(4), ["Published"] = start.AddDays(5),
            },
            settings = new { nominationsPerResident = 5, votesPerCategory = 1, committeeWeightPercent = 70, publicWeightPercent = 30, shortlistSize = 5, judgesPerEntry = 1, liveTallies = true },
        };
    }

    private static APIRequestContextOptions Json(object data) => new() { DataObject = data };

    private static async Task ExpectOkAsync(IAPIResponse response, string what)
    {
        if (!response.Ok)
            throw new InvalidOperationException($"{what}: {response.Status} {await response.TextAsync()}");
    }

    private static async Task<JsonElement> JsonAsync(IAPIResponse response)
    {
        await ExpectOkAsync(response, response.Url);
        return (await response.JsonAsync())!.Value;
    }

    [GeneratedRegex(@"/consent/(?<token>[^\s""<]+)")]
    private static partial Regex ConsentToken();
}
