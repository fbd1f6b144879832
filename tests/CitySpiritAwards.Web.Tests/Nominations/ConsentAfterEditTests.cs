using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>
/// A nominee consents to what they were shown: when the nominator changes it afterwards, the nominee is asked again with
/// a new link, and the old link answers nothing.
/// </summary>
public sealed class ConsentAfterEditTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    private const string Story = "钱阿婆每天清早在弄堂口给上学的孩子们过马路，风雨无阻坚持了十二年，孩子们都叫她“护学奶奶”，家长们都很放心。";

    private static object Draft(string nomineeEmail, string name = "钱阿婆") => new
    {
        categoryId = "magnanimity",
        districtId = "hongkou",
        nomineeName = name,
        relationship = "neighbour",
        storyZh = Story,
        nomineeEmail,
    };

    private static async Task<string> NominateAsync(AccountBrowser resident, string campaignId, object draft)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations")) { Content = JsonContent.Create(draft) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await resident.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static Task<HttpResponseMessage> EditAsync(AccountBrowser resident, string id, object draft) =>
        resident.Client.PutAsJsonAsync(resident.Url($"/api/nominations/{id}"), draft);

    private Task<HttpResponseMessage> AnswerAsync(string token, string action) =>
        site.App.CreateClient().PostAsJsonAsync($"/api/consent/{token}?culture=en", new { action });

    private static async Task<string> ConsentOf(AccountBrowser resident, string campaignId) =>
        Assert.Single((await resident.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/nominations/mine")).EnumerateArray())
            .GetProperty("consent").GetString()!;

    [Fact]
    public async Task A_new_name_after_consent_asks_the_nominee_once_with_a_new_link_and_the_old_link_no_longer_answers()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var id = await NominateAsync(resident, campaignId, Draft(nominee));
        var firstToken = site.ConsentTokenFor(nominee);
        (await AnswerAsync(firstToken, "Give")).EnsureSuccessStatusCode();
        Assert.Equal("Given", await ConsentOf(resident, campaignId));

        var edits = await Task.WhenAll(EditAsync(resident, id, Draft(nominee, "钱月娥")), EditAsync(resident, id, Draft(nominee, "钱月娥"))); // a double submit

        Assert.All(edits, e => Assert.Equal(HttpStatusCode.OK, e.StatusCode));
        Assert.Equal("Pending", await ConsentOf(resident, campaignId));
        Assert.Equal(2, site.EmailsTo(nominee)); // the first link, and one new one for the edit
        var newToken = site.ConsentTokenFor(nominee);
        Assert.NotEqual(firstToken, newToken);

        var stale = await AnswerAsync(firstToken, "Give");
        Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Contains("changed after this link was sent", (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var (oldPageStatus, oldPage) = await new AccountBrowser(site.App).GetAsync($"/consent/{firstToken}");
        Assert.Equal(HttpStatusCode.Gone, oldPageStatus);
        Assert.DoesNotContain("钱月娥", oldPage);
        var (_, newPage) = await new AccountBrowser(site.App, "zh-CN").GetAsync($"/consent/{newToken}");
        Assert.Contains("钱月娥", newPage);
        Assert.Contains("所以我们再次征求您的意见", newPage);

        (await AnswerAsync(newToken, "Give")).EnsureSuccessStatusCode();
        Assert.Equal("Given", await ConsentOf(resident, campaignId));
        var (_, mine) = await resident.GetAsync($"/campaigns/{campaignId}/my-nominations");
        Assert.Contains("Site: asked the nominee again for consent, because the nomination changed", mine);
    }

    [Fact]
    public async Task An_approved_public_nomination_comes_down_when_its_story_changes_after_consent_until_the_nominee_agrees_again()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var id = await NominateAsync(resident, campaignId, Draft(nominee));
        (await AnswerAsync(site.ConsentTokenFor(nominee), "Give")).EnsureSuccessStatusCode();
        await site.AdvanceAsync(campaignId, CampaignPhase.Screening);
        var moderator = await site.ModeratorAsync();
        (await moderator.Client.PostAsJsonAsync($"/api/nominations/{id}/moderation", new { action = "RequestChanges", reason = "请补充细节" })).EnsureSuccessStatusCode();

        // Sent back for changes during Screening: the nominator edits the story, the moderator approves it.
        var edited = await EditAsync(resident, id, new
        {
            categoryId = "magnanimity", districtId = "hongkou", nomineeName = "钱阿婆", relationship = "neighbour",
            storyZh = Story + "她还自己出钱买了反光背心和小旗子，下雨天就撑着伞站在路口。", nomineeEmail = nominee,
        });
        edited.EnsureSuccessStatusCode();
        (await moderator.Client.PostAsJsonAsync($"/api/nominations/{id}/moderation", new { action = "Approve" })).EnsureSuccessStatusCode();

        var visitor = site.App.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/nominations/{id}")).StatusCode);
        (await AnswerAsync(site.ConsentTokenFor(nominee), "Give")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/nominations/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_corrected_nominee_email_gets_the_new_link_and_the_first_address_can_no_longer_answer()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var wrongAddress = AccountBrowser.NewEmail("typo");
        var rightAddress = AccountBrowser.NewEmail("nominee");
        var id = await NominateAsync(resident, campaignId, Draft(wrongAddress));

        (await EditAsync(resident, id, Draft(rightAddress))).EnsureSuccessStatusCode();

        Assert.Equal(1, site.EmailsTo(rightAddress));
        Assert.Equal(HttpStatusCode.Gone, (await AnswerAsync(site.ConsentTokenFor(wrongAddress), "Give")).StatusCode);
        Assert.Equal("Pending", await ConsentOf(resident, campaignId));
        (await AnswerAsync(site.ConsentTokenFor(rightAddress), "Give")).EnsureSuccessStatusCode();
        Assert.Equal("Given", await ConsentOf(resident, campaignId));
    }

    [Fact]
    public async Task A_nominee_who_declined_is_not_written_to_again_after_an_edit()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var id = await NominateAsync(resident, campaignId, Draft(nominee));
        (await AnswerAsync(site.ConsentTokenFor(nominee), "Decline")).EnsureSuccessStatusCode();

        (await EditAsync(resident, id, Draft(nominee, "钱月娥"))).EnsureSuccessStatusCode();

        Assert.Equal(1, site.EmailsTo(nominee));
        Assert.Equal("Declined", await ConsentOf(resident, campaignId));
    }

    [Fact]
    public async Task The_nominators_own_email_is_refused_at_the_field_in_the_readers_language_and_nothing_is_stored()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var ownEmail = AccountBrowser.NewEmail("resident");
        var resident = await site.ResidentAsync("zh-CN", ownEmail);
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations"))
        {
            Content = JsonContent.Create(Draft(ownEmail.ToUpperInvariant())),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var api = await resident.Client.SendAsync(request);
        var page = await resident.SubmitMultipartAsync($"/campaigns/{campaignId}/nominate",
        [
            new("NominationId", Guid.NewGuid().ToString("N")), new("Form.CategoryId", "magnanimity"), new("Form.NomineeName", "钱阿婆"),
            new("Form.DistrictId", "hongkou"), new("Form.Relationship", "neighbour"), new("Form.StoryZh", Story), new("Form.NomineeEmail", ownEmail),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("这是您自己账户的邮箱", errors.GetProperty("nomineeEmail")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("这是您自己账户的邮箱", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(1, site.EmailsTo(ownEmail)); // the account's own confirmation, nothing more
        Assert.Empty((await resident.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/nominations/mine")).EnumerateArray());
    }
}
