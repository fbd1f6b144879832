using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>A resident nominates a neighbour in the demo campaign (which is in its Nominating phase); the nominee answers by email link.</summary>
public sealed partial class NominationApiTests(NominationApiTests.Site site) : IClassFixture<NominationApiTests.Site>
{
    public sealed class Site : IAsyncLifetime
    {
        public AwardsAppFactory App { get; } = new(new Dictionary<string, string?> { ["Account:SignupPermitLimit"] = "1000" });

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    private const string Story = "林阿姨在社区服务中心每周两天手把手教老人用手机预约挂号、办理社保，还把步骤写成大字卡片，老人们带回家照着就能做。";

    private static object Draft(string nomineeEmail, string name = "林阿姨", string story = Story) => new
    {
        categoryId = "magnanimity",
        districtId = "baoshan",
        nomineeName = name,
        relationship = "neighbour",
        storyZh = story,
        nomineeEmail,
        photoCount = 0,
    };

    private async Task<HttpClient> ResidentAsync()
    {
        var browser = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("resident");
        await browser.RegisterAndConfirmAsync(email, "Resident-pass-1");
        await browser.SignInAsync(email, "Resident-pass-1");
        return browser.Client;
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, object draft, Guid key, string campaign = "demo")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign}/nominations") { Content = JsonContent.Create(draft) };
        request.Headers.Add("Idempotency-Key", key.ToString());
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_resident_nominates_a_neighbour_who_gets_a_consent_link_and_nothing_is_public_until_they_agree()
    {
        var resident = await ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");

        var response = await SubmitAsync(resident, Draft(nominee), Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", created.GetProperty("status").GetString());
        var email = OutboxReader.LatestTo(site.App.DataPath, nominee);
        Assert.DoesNotContain("林阿姨", email.Text); // nothing the nominator typed goes into the email
        var link = new Uri(ConsentLink().Match(email.Text).Value).PathAndQuery;
        Assert.DoesNotContain("林阿姨", await site.App.CreateClient().GetStringAsync("/api/campaigns/demo/nominations"));

        var consentPage = await site.App.CreateClient().GetStringAsync(link + "?culture=zh-CN");
        Assert.Contains("林阿姨", consentPage);
        Assert.Contains("同意公开", consentPage);
        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/campaigns/demo/nominations/mine");
        Assert.Equal(created.GetProperty("id").GetString(), Assert.Single(mine.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Submitting_twice_with_the_same_key_creates_one_nomination_and_sends_one_email()
    {
        var resident = await ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var key = Guid.NewGuid();

        var first = await SubmitAsync(resident, Draft(nominee), key);
        var second = await SubmitAsync(resident, Draft(nominee), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Single((await resident.GetFromJsonAsync<JsonElement>("/api/campaigns/demo/nominations/mine")).EnumerateArray());
        Assert.Single(OutboxReader.To(site.App.DataPath, nominee));
    }

    [Fact]
    public async Task Bad_input_gets_every_problem_in_the_readers_language_and_stores_nothing()
    {
        var resident = await ResidentAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns/demo/nominations?culture=zh-CN")
        {
            Content = JsonContent.Create(Draft("not-an-email", name: "林", story: "太短了")),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await resident.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("至少需要 2 个字", errors.GetProperty("nomineeName")[0].GetString());
        Assert.Contains("有效的电子邮箱", errors.GetProperty("nomineeEmail")[0].GetString());
        Assert.Contains("至少需要 50 个字", errors.GetProperty("storyZh")[0].GetString());
        Assert.Empty((await resident.GetFromJsonAsync<JsonElement>("/api/campaigns/demo/nominations/mine")).EnumerateArray());
    }

    [Fact]
    public async Task Script_in_every_field_is_either_refused_by_the_rules_or_kept_as_harmless_text()
    {
        var resident = await ResidentAsync();
        const string script = "<script>alert(1)</script>";
        var draft = new
        {
            categoryId = script, districtId = script, relationship = script, nomineeEmail = script + "@example.org",
            nomineeName = "林" + script, storyZh = Story + script, storyEn = "She helps everyone in the lane, every single day, " + script,
        };

        var refused = await SubmitAsync(resident, draft, Guid.NewGuid());
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var nominee = AccountBrowser.NewEmail("nominee");
        var accepted = await SubmitAsync(resident, draft with { categoryId = "wisdom", districtId = "xuhui", relationship = "friend", nomineeEmail = nominee }, Guid.NewGuid());
        var link = new Uri(ConsentLink().Match(OutboxReader.LatestTo(site.App.DataPath, nominee).Text).Value).PathAndQuery;
        var page = await site.App.CreateClient().GetStringAsync(link);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["categoryId", "districtId", "nomineeEmail", "relationship"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.DoesNotContain(script, page);
        Assert.Contains("林&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains("every single day, &lt;script&gt;", page);
    }

    [Fact]
    public async Task Script_in_a_story_is_kept_as_text_and_never_runs_on_the_nominees_page()
    {
        var resident = await ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var story = Story + "<script>alert('x')</script>";

        (await SubmitAsync(resident, Draft(nominee, story: story), Guid.NewGuid())).EnsureSuccessStatusCode();

        var link = new Uri(ConsentLink().Match(OutboxReader.LatestTo(site.App.DataPath, nominee).Text).Value).PathAndQuery;
        var page = await site.App.CreateClient().GetStringAsync(link);
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("&lt;script&gt;alert", page);
    }

    [Fact]
    public async Task Visitors_and_unconfirmed_accounts_cannot_nominate()
    {
        var visitor = await SubmitAsync(site.App.CreateClient(), Draft("x@example.org"), Guid.NewGuid());
        var unconfirmed = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("unconfirmed");
        await unconfirmed.RegisterAsync(email, "Resident-pass-1");

        var response = await SubmitAsync(unconfirmed.Client, Draft("x@example.org"), Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Unauthorized, visitor.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // cannot sign in before confirming
    }

    [Fact]
    public async Task The_nominee_agrees_a_moderator_approves_and_only_then_the_public_sees_it()
    {
        var resident = await ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var created = await (await SubmitAsync(resident, Draft(nominee, name: "邹志诚"), Guid.NewGuid())).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var token = ConsentLink().Match(OutboxReader.LatestTo(site.App.DataPath, nominee).Text).Groups["token"].Value;
        var moderator = await ModeratorAsync();

        var consent = await site.App.CreateClient().PostAsJsonAsync($"/api/consent/{token}", new { action = "Give" });
        var tooEarly = await moderator.PostAsJsonAsync($"/api/nominations/{id}/moderation", new { action = "Approve" });

        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode); // moderation happens in Screening
        Assert.DoesNotContain("邹志诚", await site.App.CreateClient().GetStringAsync("/api/campaigns/demo/nominations"));
        var byResident = await resident.PostAsJsonAsync($"/api/nominations/{id}/moderation", new { action = "Approve" });
        Assert.Equal(HttpStatusCode.Forbidden, byResident.StatusCode);
    }

    [Fact]
    public async Task A_forged_consent_link_is_refused()
    {
        var response = await site.App.CreateClient().PostAsJsonAsync("/api/consent/forged-token", new { action = "Give" });
        var page = await site.App.CreateClient().GetAsync("/consent/forged-token?culture=en");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("not valid or has expired", await page.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> ModeratorAsync()
    {
        var email = AccountBrowser.NewEmail("moderator");
        var browser = new AccountBrowser(site.App);
        await browser.RegisterAndConfirmAsync(email, "Moderator-pass-1");
        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Roles.Moderator);
        }
        await browser.SignInAsync(email, "Moderator-pass-1");
        return browser.Client;
    }

    [GeneratedRegex(@"https?://\S+/consent/(?<token>[^\s""<]+)")]
    private static partial Regex ConsentLink();
}
