using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>
/// The nominee's page, as they use it from the emailed link: declining and withdrawing are final, so each takes a tick
/// that says so (the page says it too); every answer comes back to the page with a redirect (post/redirect/get).
/// </summary>
public sealed class ConsentPageTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    /// <summary>A nomination through the API; returns its id and the token of the link emailed to the nominee.</summary>
    private async Task<(string Id, string Token)> NominateAsync()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        return (await NominationsSite.NominateAsync(resident, campaignId, nominee), site.ConsentTokenFor(nominee));
    }

    private async Task<NomineeConsent> ConsentOfAsync(string id) => (await site.Grains.GetGrain<INominationGrain>(id).GetAsync())!.Consent;

    private static Dictionary<string, string> Answer(ConsentAction action, bool confirm = false) =>
        confirm ? new() { ["action"] = action.ToString(), ["confirm"] = "true" } : new() { ["action"] = action.ToString() };

    [Fact]
    public async Task Declining_says_it_is_permanent_needs_the_tick_and_without_it_changes_nothing_in_Chinese()
    {
        var (id, token) = await NominateAsync();
        var nominee = new AccountBrowser(site.App, "zh-CN");
        var page = $"/consent/{token}";

        var (_, before) = await nominee.GetAsync(page);
        var unticked = await nominee.SubmitAsync(page, Answer(ConsentAction.Decline));
        var untickedPage = WebUtility.HtmlDecode(await unticked.Content.ReadAsStringAsync());

        Assert.Contains("拒绝是最终决定：这条推荐永远不会公开，之后也不能再改为同意。", before);
        Assert.Contains("<label for=\"consent-confirm\">我明白拒绝后不能改变主意。</label>", before);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("<a href=\"#consent-confirm\">请先勾选“我明白拒绝后不能改变主意”，再点“不同意”。什么都没有改变。</a>", untickedPage);
        Assert.Contains("id=\"consent-confirm\" name=\"confirm\" value=\"true\" aria-invalid=\"true\" aria-describedby=\"consent-confirm-error\"", untickedPage);
        Assert.Equal(NomineeConsent.Pending, await ConsentOfAsync(id));

        var declined = await nominee.SubmitAsync(page, Answer(ConsentAction.Decline, confirm: true));

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal($"/consent/{Uri.EscapeDataString(token)}", declined.Headers.Location?.OriginalString);
        var (_, after) = await nominee.GetAsync(declined.Headers.Location!.OriginalString);
        Assert.Contains("已保存您的选择。", after);
        Assert.Contains("已拒绝，永不公开", after);
        Assert.Equal(NomineeConsent.Declined, await ConsentOfAsync(id));
        Assert.DoesNotContain("已保存您的选择。", (await nominee.GetAsync(page)).Html); // said once, not on refresh
    }

    [Fact]
    public async Task Agreeing_takes_one_click_and_a_redirect_withdrawing_afterwards_needs_the_tick()
    {
        var (id, token) = await NominateAsync();
        var nominee = new AccountBrowser(site.App, "en");
        var page = $"/consent/{token}";

        var (status, given) = await nominee.SubmitAndFollowAsync(page, Answer(ConsentAction.Give));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your choice has been saved.", given);
        Assert.Contains("You agreed to be shown", given);
        Assert.Contains("Withdrawing is permanent: the nomination is taken down at once and cannot be shown again.", given);
        Assert.Contains("<label for=\"consent-confirm\">I understand that withdrawing cannot be undone.</label>", given);
        Assert.Equal(NomineeConsent.Given, await ConsentOfAsync(id));

        var (_, unticked) = await nominee.SubmitForPageAsync(page, Answer(ConsentAction.Withdraw));
        Assert.Contains("<a href=\"#consent-confirm\">Tick “I understand that withdrawing cannot be undone” first, then withdraw. Nothing changed.</a>", unticked);
        Assert.Equal(NomineeConsent.Given, await ConsentOfAsync(id));

        var (_, withdrawn) = await nominee.SubmitAndFollowAsync(page, Answer(ConsentAction.Withdraw, confirm: true));
        Assert.Contains("You withdrew your agreement; it has been taken down", withdrawn);
        Assert.Equal(NomineeConsent.Withdrawn, await ConsentOfAsync(id));
    }
}
