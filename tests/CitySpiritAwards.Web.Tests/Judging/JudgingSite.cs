using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>
/// The embedded site with a fake awards clock, an administrator, and helpers to set up a judging round: a campaign whose
/// committee scoring runs for ten days, approved entries whose nominees consented, and committee accounts.
/// </summary>
public sealed class JudgingSite : IAsyncLifetime
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Judging-admin-1";
    public const string Password = "Committee-pass-1";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    public AwardsAppFactory App { get; }

    public JudgingSite() : this(_ => { })
    {
    }

    /// <summary>With more services replaced after the clock (e.g. a Hangfire client that fails on cue).</summary>
    internal JudgingSite(Action<IServiceCollection> replaceServices) => App = new AwardsAppFactory(new Dictionary<string, string?>
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["CitySpiritAwards:SeedDemo"] = "false",
    })
    {
        ReplaceServices = services =>
        {
            services.AddSingleton(new AwardsClock(Clock));
            replaceServices(services);
        },
    };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public DateTimeOffset ScoringStarts => Clock.GetUtcNow().AddMinutes(3);

    /// <summary>Creates the campaign through the administrators' API: nominating in a minute, scoring from minute 3 for ten days.</summary>
    public async Task CreateCampaignAsync(string id, int judgesPerEntry = 2, int shortlistSize = 2)
    {
        var now = Clock.GetUtcNow();
        var admin = await AdminClient.SignInAsync(App, AdminEmail, AdminPassword);
        var response = await admin.PostAsJsonAsync("/api/admin/campaigns", new
        {
            id,
            name = new { zhCn = "评审测试", en = "Judging test" },
            description = new { zhCn = "测试", en = "Test" },
            phaseStarts = new Dictionary<string, DateTimeOffset>
            {
                ["Nominating"] = now.AddMinutes(1),
                ["Screening"] = now.AddMinutes(2),
                ["CommitteeScoring"] = now.AddMinutes(3),
                ["PublicVoting"] = now.AddMinutes(3).AddDays(10),
                ["Tallying"] = now.AddDays(20),
                ["Published"] = now.AddDays(21),
            },
            settings = new { nominationsPerResident = 5, votesPerCategory = 1, committeeWeightPercent = 70, publicWeightPercent = 30, shortlistSize, judgesPerEntry, liveTallies = true },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Entries as they are after screening: approved, the nominee consented (imported the way seeds are).</summary>
    public async Task<IReadOnlyList<string>> EntriesAsync(string campaignId, string categoryId, int count, string nominatorId = "resident", string district = "pudong")
    {
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var id = $"{campaignId}-{categoryId}-{nominatorId[..Math.Min(6, nominatorId.Length)]}-{i:00}";
            var draft = new NominationDraft(categoryId, district, $"候选人{i}号 (Nominee {i})", Relationships.Neighbour,
                $"第{i}位候选人十年如一日在社区服务中心教老人用一网通办，耐心细致，从不收一分钱。<b>不是标签</b>",
                $"Nominee {i} has taught seniors at the community centre to use the city's online services for ten years. <b>not a tag</b>",
                "nominee@example.org", 0);
            await Grains.GetGrain<INominationGrain>(id).ImportApprovedAsync(new NominationSubmission(campaignId, nominatorId, draft, []), "test");
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>An account with a confirmed email and the given roles; returns its user id.</summary>
    public async Task<string> UserAsync(string email, string displayName, params string[] roles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
        var user = new AwardsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        foreach (var role in roles)
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    /// <summary>A browser signed in as that account, reading pages in <paramref name="culture"/>.</summary>
    public async Task<AccountBrowser> BrowserAsync(string email, string culture = "en")
    {
        var browser = new AccountBrowser(App, culture);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, Password)).StatusCode);
        return browser;
    }

    /// <summary>Puts members on a panel straight through its grain, named as their accounts are (or by id when there is no account).</summary>
    public async Task PanelAsync(string campaignId, string categoryId, params string[] memberIds)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
        foreach (var member in memberIds)
        {
            var name = (await users.FindByIdAsync(member))?.DisplayName ?? member;
            Assert.True((await Grains.GetGrain<IPanelGrain>(JudgingKeys.For(campaignId, categoryId)).AddAsync(new PanelSeat(member, name), "test")).Succeeded);
        }
    }

    /// <summary>Moves the fake clock to the phase's start and runs the phase job, as Hangfire would at that moment.</summary>
    public async Task ClockReachesAsync(string campaignId, CampaignPhase phase)
    {
        var starts = (await Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync())!.Schedule.StartOf(phase)!.Value;
        if (starts > Clock.GetUtcNow())
            Clock.Advance(starts - Clock.GetUtcNow());
        await App.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAsync(campaignId);
    }

    /// <summary>
    /// Opens <paramref name="path"/> as the browser does, then posts the form of <paramref name="handler"/> with the
    /// antiforgery token the page rendered (a button's name/value goes in <paramref name="fields"/>, as a browser sends it).
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(AccountBrowser browser, string path, string handler, IDictionary<string, string> fields)
    {
        var (status, html) = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        Assert.True(token.Success, $"{path} rendered no antiforgery token.");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        return await browser.Client.PostAsync(browser.Url(handler.Length == 0 ? path : $"{path}?handler={handler}"), new FormUrlEncodedContent(form));
    }

    /// <summary>Follows a redirect the way a browser would, returning the page it leads to.</summary>
    public static async Task<(HttpStatusCode Status, string Html, string Path)> FollowAsync(AccountBrowser browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var (status, html) = await browser.GetAsync(location);
        return (status, html, location);
    }

    public Task<AssignmentSnapshot?> AssignmentAsync(string campaignId, string categoryId) =>
        Grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(campaignId, categoryId)).GetAsync();

    public Task<ShortlistSnapshot?> ShortlistAsync(string campaignId, string categoryId) =>
        Grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, categoryId)).GetAsync();
}
