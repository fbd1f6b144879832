using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>
/// Consent emails are limited per recipient address and per nominator's account (3 and 10 a day by default), so the
/// site cannot be used to flood an inbox; a nomination over a limit is stored all the same and its nominator told so.
/// </summary>
public sealed class ConsentEmailLimitTests(ConsentEmailLimitTests.Site site) : IClassFixture<ConsentEmailLimitTests.Site>
{
    /// <summary>A fake awards clock (a day can pass), and no limit on nomination posts, which is not what these tests are about.</summary>
    public sealed class Site() : NominationsSite(new Dictionary<string, string?> { ["Nominations:PostsPerAccount"] = "1000" },
        new FakeTimeProvider(DateTimeOffset.UtcNow));

    private const string Story = "钱阿婆每天清早在弄堂口给上学的孩子们过马路，风雨无阻坚持了十二年，孩子们都叫她“护学奶奶”，家长们都很放心。";

    private static object Draft(string nomineeEmail) => new
    {
        categoryId = "magnanimity", districtId = "hongkou", nomineeName = "钱阿婆", relationship = "neighbour", storyZh = Story, nomineeEmail,
    };

    private static async Task<JsonElement> NominateAsync(AccountBrowser resident, string campaignId, string nomineeEmail)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations")) { Content = JsonContent.Create(Draft(nomineeEmail)) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await resident.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task WithdrawAsync(AccountBrowser resident, JsonElement nomination) =>
        (await resident.Client.PostAsync(resident.Url($"/api/nominations/{nomination.GetProperty("id").GetString()}/withdraw"), null)).EnsureSuccessStatusCode();

    [Fact]
    public async Task Submitting_and_withdrawing_in_a_loop_sends_one_inbox_three_emails_and_tells_the_nominator_the_rest_were_held()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var victim = AccountBrowser.NewEmail("victim");
        var answers = new List<JsonElement>();

        for (var i = 0; i < 8; i++)
        {
            var nomination = await NominateAsync(resident, campaignId, victim);
            answers.Add(nomination);
            await WithdrawAsync(resident, nomination);
        }

        Assert.Equal(3, site.EmailsTo(victim));
        Assert.All(answers.Take(3), a => Assert.False(a.GetProperty("consentEmailOwed").GetBoolean()));
        Assert.All(answers.Skip(3), a =>
        {
            Assert.True(a.GetProperty("consentEmailOwed").GetBoolean());
            Assert.Contains("We have not emailed 钱阿婆 their consent link yet", a.GetProperty("notice").GetString());
            Assert.Contains("at most 3 consent emails a day to one address", a.GetProperty("notice").GetString());
        });
        Assert.Equal(8, (await resident.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/nominations/mine")).GetArrayLength());

        // Another resident naming the same inbox is held too: the limit is the address's, whoever nominates.
        var neighbour = await site.ResidentAsync("zh-CN");
        var held = await NominateAsync(neighbour, campaignId, victim);
        Assert.Equal(3, site.EmailsTo(victim));
        Assert.StartsWith("我们还没有给 钱阿婆 发送征求同意的邮件", held.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task One_account_sends_at_most_ten_consent_emails_a_day_and_can_send_a_held_one_from_My_nominations_the_next_day()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var addresses = Enumerable.Range(0, 11).Select(i => AccountBrowser.NewEmail($"nominee{i}")).ToList();
        JsonElement last = default;
        foreach (var address in addresses)
        {
            last = await NominateAsync(resident, campaignId, address);
            if (address != addresses[^1])
                await WithdrawAsync(resident, last);
        }

        Assert.All(addresses.Take(10), a => Assert.Equal(1, site.EmailsTo(a)));
        Assert.Equal(0, site.EmailsTo(addresses[^1]));
        Assert.Contains("and 10 a day for one account", last.GetProperty("notice").GetString());
        var id = last.GetProperty("id").GetString()!;
        var myPage = $"/campaigns/{campaignId}/my-nominations";
        var (_, mine) = await resident.GetAsync(myPage);
        Assert.Contains("We have not emailed 钱阿婆 their consent link yet", WebUtility.HtmlDecode(mine));
        Assert.Contains("Email the nominee now", mine);

        // Too early: the button and the API say so, and send nothing.
        var early = await resident.SubmitAsync(myPage + "?handler=SendConsent", [new("nominationId", id)], formPath: myPage);
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        var (_, told) = await resident.GetAsync(early.Headers.Location!.OriginalString);
        Assert.Contains("From ", WebUtility.HtmlDecode(told));
        var api = await resident.Client.PostAsync(resident.Url($"/api/nominations/{id}/consent-email"), null);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Equal(0, site.EmailsTo(addresses[^1]));

        site.Clock!.Advance(TimeSpan.FromHours(25));
        var sent = await resident.SubmitAsync(myPage + "?handler=SendConsent", [new("nominationId", id)], formPath: myPage);
        var again = await resident.Client.PostAsync(resident.Url($"/api/nominations/{id}/consent-email"), null);

        Assert.Equal(1, site.EmailsTo(addresses[^1]));
        var (_, after) = await resident.GetAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains("We have emailed the nominee their consent link.", after);
        Assert.DoesNotContain("Email the nominee now", after);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // nothing left to send
        (await site.App.CreateClient().PostAsJsonAsync($"/api/consent/{site.ConsentTokenFor(addresses[^1])}", new { action = "Give" })).EnsureSuccessStatusCode();
    }
}
