using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>"Download my data": the owner's account, nominations with history and votes, after typing the password again.</summary>
public sealed class AccountDataTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    private const string Story = "钱阿婆每天清早在弄堂口给上学的孩子们过马路，风雨无阻坚持了十二年，孩子们都叫她“护学奶奶”，家长们都很放心。";

    [Fact]
    public async Task The_owner_downloads_their_account_and_nominations_after_typing_the_password_again()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var email = AccountBrowser.NewEmail("mydata");
        var resident = await site.ResidentAsync(email: email);
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations"))
        {
            Content = JsonContent.Create(new { categoryId = "magnanimity", districtId = "hongkou", nomineeName = "钱阿婆", relationship = "neighbour", storyZh = Story, nomineeEmail = AccountBrowser.NewEmail("nominee") }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await resident.Client.SendAsync(request)).StatusCode);
        var (_, manage) = await resident.GetAsync("/account/manage");
        Assert.Contains("href=\"/account/manage/data\"", manage);

        var (wrongStatus, wrong) = await resident.SubmitForPageAsync("/account/manage/data", new Dictionary<string, string> { ["Input.Password"] = "not my password" });
        Assert.Equal(HttpStatusCode.OK, wrongStatus);
        Assert.Contains("The password is incorrect.", wrong);

        var download = await resident.SubmitAsync("/account/manage/data", new Dictionary<string, string> { ["Input.Password"] = "Resident-pass-1" });
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("city-spirit-awards-my-data-", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var data = await download.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(email, data.GetProperty("account").GetProperty("email").GetString());
        var nomination = Assert.Single(data.GetProperty("nominations").EnumerateArray());
        Assert.Equal(campaignId, nomination.GetProperty("campaignId").GetString());
        Assert.Equal("钱阿婆", nomination.GetProperty("draft").GetProperty("nomineeName").GetString());
        var submitted = nomination.GetProperty("history")[0];
        Assert.Equal("nominator", submitted.GetProperty("actor").GetString()); // roles, never accounts
        Assert.Equal(0, data.GetProperty("votes").GetArrayLength());
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in()
    {
        var response = await site.App.CreateBrowser().GetAsync("/account/manage/data");
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }
}
