using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>"Download my data": the owner's account, nominations with history and votes, after typing the password again.</summary>
public sealed class AccountDataTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    [Fact]
    public async Task The_owner_downloads_their_account_and_nominations_after_typing_the_password_again()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var email = AccountBrowser.NewEmail("mydata");
        var resident = await site.ResidentAsync(email: email);
        await NominationsSite.NominateAsync(resident, campaignId, AccountBrowser.NewEmail("nominee"));
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
