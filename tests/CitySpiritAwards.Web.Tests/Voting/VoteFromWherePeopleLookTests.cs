using System.Net.Http.Json;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>
/// "Vote for this person" on a nominee's public page and gallery card, leading to the entry on the voting page; offered
/// only while the vote would be accepted (voting open, the entry shortlisted and not taken down). The voting page has
/// jump links to each award.
/// </summary>
public sealed class VoteFromWherePeopleLookTests(TakenDownEntryTests.Site site) : IClassFixture<TakenDownEntryTests.Site>
{
    private AwardsAppFactory App => site.App;

    private static string LinkTo(VotingCampaign campaign, string entryId) => $"href=\"/campaigns/{campaign.Id}/vote#entry-{entryId}\"";

    /// <summary>A public nomination in the campaign that is on no shortlist.</summary>
    private async Task<string> NotShortlistedAsync(VotingCampaign campaign)
    {
        var id = $"not-shortlisted-{Guid.NewGuid():N}"[..30];
        await campaign.Grains.GetGrain<INominationGrain>(id).ImportApprovedAsync(new NominationSubmission(campaign.Id, "test-nominator", new NominationDraft(
            "wisdom", "xuhui", "未入围的候选人", Relationships.Neighbour,
            "未入围的候选人每天清晨为独居老人送早饭，风雨无阻，已经坚持了整整十年，邻居们都叫她“早饭阿姨”。", null, "nominee@example.org", 0), PhotoIds: []), "test");
        return id;
    }

    [Theory]
    [InlineData("zh-CN", "投票给TA")]
    [InlineData("en", "Vote for this person")]
    public async Task During_voting_a_shortlisted_entrys_page_and_card_lead_to_it_on_the_voting_page(string culture, string button)
    {
        var campaign = await VotingCampaign.CreateAsync(App, withNominations: true);
        var entry = campaign.In("wisdom")[0];
        var other = await NotShortlistedAsync(campaign);
        var visitor = new AccountBrowser(App, culture);

        var (_, page) = await visitor.GetAsync($"/nominations/{entry}");
        var (_, otherPage) = await visitor.GetAsync($"/nominations/{other}");
        var (_, gallery) = await visitor.GetAsync($"/campaigns/{campaign.Id}/gallery?category=wisdom");
        var (_, vote) = await visitor.GetAsync($"/campaigns/{campaign.Id}/vote");

        Assert.Contains($"{LinkTo(campaign, entry)}>{button}</a>", page);
        Assert.DoesNotContain(button, otherPage);
        Assert.Contains(LinkTo(campaign, entry), gallery);
        Assert.Contains(LinkTo(campaign, campaign.In("wisdom")[2]), gallery);
        Assert.DoesNotContain($"#entry-{other}", gallery);
        Assert.Contains($"id=\"entry-{entry}\"", vote);
        foreach (var award in new[] { "inclusiveness", "excellence", "wisdom", "magnanimity" })
        {
            Assert.Contains($"href=\"#award-{award}\"", vote);
            Assert.Contains($"id=\"award-{award}\"", vote);
        }
    }

    [Theory]
    [InlineData(CampaignPhase.CommitteeScoring)]
    [InlineData(CampaignPhase.Tallying)]
    public async Task Before_and_after_voting_no_entry_offers_a_vote(CampaignPhase phase)
    {
        var campaign = await VotingCampaign.CreateAsync(App, phase: phase, withNominations: true);
        var entry = campaign.In("wisdom")[0];
        var visitor = new AccountBrowser(App, "en");

        var (_, page) = await visitor.GetAsync($"/nominations/{entry}");
        var (_, gallery) = await visitor.GetAsync($"/campaigns/{campaign.Id}/gallery");

        Assert.Contains("测试候选人07", page);
        Assert.DoesNotContain("Vote for this person", page);
        Assert.Contains("测试候选人07", gallery);
        Assert.DoesNotContain("Vote for this person", gallery);
    }

    [Fact]
    public async Task A_taken_down_entry_no_longer_offers_a_vote_and_the_others_still_do()
    {
        var campaign = await VotingCampaign.CreateAsync(App, withNominations: true);
        var (hidden, still) = (campaign.In("wisdom")[0], campaign.In("wisdom")[1]);
        var token = App.Services.GetRequiredService<ConsentLinks>().CreateToken(hidden, 0, DateTimeOffset.UtcNow);
        (await App.CreateClient().PostAsJsonAsync($"/api/consent/{token}", new { action = "Withdraw" })).EnsureSuccessStatusCode();

        var (_, gallery) = await new AccountBrowser(App, "en").GetAsync($"/campaigns/{campaign.Id}/gallery");

        Assert.DoesNotContain($"#entry-{hidden}", gallery);
        Assert.Contains(LinkTo(campaign, still), gallery);
    }
}
