using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Accounts;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>The "vote" rate limit: per account and per client network, 429 with problem+json in the reader's language.</summary>
public sealed class VotingRateLimitTests
{
    [Fact]
    public async Task One_account_sending_votes_too_fast_is_told_to_wait_in_its_language()
    {
        await AccountsSite.WithOwnSiteAsync(new() { ["Account:SignupPermitLimit"] = "1000", ["Voting:PermitsPerVoter"] = "3" }, async app =>
        {
            var campaign = await VotingCampaign.CreateAsync(app);
            var resident = await VotingCampaign.ResidentAsync(app);
            var other = await VotingCampaign.ResidentAsync(app);
            var entry = campaign.In("wisdom")[0];

            for (var i = 0; i < 3; i++)
                Assert.True((await campaign.VoteAsync(resident, entry)).IsSuccessStatusCode);
            var refusedZh = await campaign.VoteAsync(resident, entry, culture: "zh-CN");
            var refusedEn = await campaign.VoteAsync(resident, entry, culture: "en");
            var otherAccount = await campaign.VoteAsync(other, entry);

            Assert.Equal(HttpStatusCode.TooManyRequests, refusedZh.StatusCode);
            Assert.Equal("application/problem+json", refusedZh.Content.Headers.ContentType?.MediaType);
            Assert.True(int.Parse(refusedZh.Headers.GetValues("Retry-After").Single()) > 0);
            Assert.Contains("操作太频繁", (await refusedZh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
            Assert.Contains("Too many requests", (await refusedEn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
            Assert.Equal(HttpStatusCode.Created, otherAccount.StatusCode);
            // Reading is never limited.
            Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/api/campaigns/{campaign.Id}/votes/mine")).StatusCode);
        });
    }

    [Fact]
    public async Task Many_accounts_voting_from_one_network_share_its_limit()
    {
        await AccountsSite.WithOwnSiteAsync(new() { ["Account:SignupPermitLimit"] = "1000", ["Voting:PermitsPerNetwork"] = "4" }, async app =>
        {
            var campaign = await VotingCampaign.CreateAsync(app);
            var residents = new[] { await VotingCampaign.ResidentAsync(app), await VotingCampaign.ResidentAsync(app) };

            var statuses = new List<HttpStatusCode>();
            foreach (var resident in residents.Concat(residents).Concat(residents))
                statuses.Add((await campaign.VoteAsync(resident, campaign.In("excellence")[0])).StatusCode);

            Assert.Equal(4, statuses.Count(s => s is HttpStatusCode.Created or HttpStatusCode.OK));
            Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses[4..]);
        });
    }
}
