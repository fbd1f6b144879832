using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Photos.Processing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitySpiritAwards.Web.Tests.Support;

/// <summary>
/// The embedded site with what the nomination tests need: residents and moderators who sign in the way people do,
/// and campaigns of their own that can be moved to any phase (the demo campaign stays in Nominating for other tests).
/// </summary>
public class NominationsSite : IAsyncLifetime
{
    public NominationsSite()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A site of its own with these settings, and <paramref name="clock"/> as the awards clock if given.</summary>
    protected NominationsSite(IDictionary<string, string?> settings, FakeTimeProvider? clock = null)
    {
        Clock = clock;
        App = new(new Dictionary<string, string?>(settings) { ["Account:SignupPermitLimit"] = "1000" })
        {
            ReplaceServices = clock is null ? null : services => services.AddSingleton(new AwardsClock(clock)),
        };
    }

    public AwardsAppFactory App { get; }

    /// <summary>The awards clock, when this site has a fake one.</summary>
    public FakeTimeProvider? Clock { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Photo decodes this site has started (a refusal before any decode leaves it as it was).</summary>
    public long Decodes => App.Services.GetRequiredService<PhotoProcessor>().DecodesStarted;

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    /// <summary>A confirmed resident, signed in, whose browser reads the site in <paramref name="culture"/>.</summary>
    public async Task<AccountBrowser> ResidentAsync(string culture = "en", string? email = null)
    {
        email ??= AccountBrowser.NewEmail("resident");
        await new AccountBrowser(App).RegisterAndConfirmAsync(email, "Resident-pass-1");
        var browser = new AccountBrowser(App, culture);
        await browser.SignInAsync(email, "Resident-pass-1");
        return browser;
    }

    public async Task<AccountBrowser> ModeratorAsync(string culture = "en")
    {
        var email = AccountBrowser.NewEmail("moderator");
        await new AccountBrowser(App).RegisterAndConfirmAsync(email, "Moderator-pass-1");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Moderator);
        }
        var browser = new AccountBrowser(App, culture);
        await browser.SignInAsync(email, "Moderator-pass-1");
        return browser;
    }

    /// <summary>A new campaign of this test's own, moved on to <paramref name="phase"/>.</summary>
    public async Task<string> CampaignInAsync(CampaignPhase phase)
    {
        var id = $"test-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;
        var schedule = new CampaignSchedule(CampaignSchedule.ScheduledPhases.Select((p, i) => new PhaseWindow(p, now.AddDays(30 + 7 * i))).ToList());
        await Grains.GetGrain<ICampaignGrain>(id).CreateAsync(
            new NewCampaign(new LocalizedText("测试评选", "Test campaign"), new LocalizedText("测试", "Test"), schedule, CampaignSettings.Default), "admin:test");
        await AdvanceAsync(id, phase);
        return id;
    }

    public async Task AdvanceAsync(string campaignId, CampaignPhase phase)
    {
        var campaign = Grains.GetGrain<ICampaignGrain>(campaignId);
        for (var next = PhaseRules.Next((await campaign.GetAsync())!.Phase); next is not null && next <= phase; next = PhaseRules.Next(next.Value))
            await campaign.AdvanceToAsync(next.Value, "admin:test");
    }

    /// <summary>The files the photo store holds for a nomination (embedded mode keeps them under data/photos).</summary>
    public IReadOnlyList<string> PhotoFilesOf(string nominationId)
    {
        var folder = Path.Combine(App.DataPath, "photos", "nominations", nominationId);
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order().ToList() : [];
    }

    public OutboxEmail LatestEmailTo(string address) => OutboxReader.LatestTo(App.DataPath, address);

    public int EmailsTo(string address) => OutboxReader.To(App.DataPath, address).Count;

    /// <summary>The story the nominations of <see cref="NominateAsync"/> tell.</summary>
    public const string Story = "钱阿婆每天清早在弄堂口给上学的孩子们过马路，风雨无阻坚持了十二年，孩子们都叫她“护学奶奶”，家长们都很放心。";

    /// <summary>The resident nominates 钱阿婆 through the API (answered 201, or the test fails); returns the nomination's id.</summary>
    public static async Task<string> NominateAsync(AccountBrowser resident, string campaignId, string nomineeEmail)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations"))
        {
            Content = JsonContent.Create(new { categoryId = "magnanimity", districtId = "hongkou", nomineeName = "钱阿婆", relationship = "neighbour", storyZh = Story, nomineeEmail }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await resident.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The token of the consent link in the newest email to the nominee.</summary>
    public string ConsentTokenFor(string nomineeEmail) =>
        System.Text.RegularExpressions.Regex.Match(LatestEmailTo(nomineeEmail).Text, @"/consent/(?<token>[^\s""<]+)").Groups["token"].Value;
}
