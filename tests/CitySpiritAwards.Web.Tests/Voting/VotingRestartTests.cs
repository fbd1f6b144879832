using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>Embedded mode: votes live in a SQLite file under DataPath, so a restart keeps every receipted vote and the limits.</summary>
public sealed class VotingRestartTests
{
    private static Dictionary<string, string?> Settings() => new() { ["Voting:TallyRefresh"] = "00:00:00" };

    [Fact]
    public async Task Receipted_votes_their_tallies_and_the_voters_limit_survive_a_restart()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "csa-restart", Guid.NewGuid().ToString("N"));
        try
        {
            string campaignId, email, kept, withdrawn;
            IReadOnlyList<string> wisdom;
            await using (var first = new AwardsAppFactory(Settings(), dataPath))
            {
                var campaign = await VotingCampaign.CreateAsync(first);
                (campaignId, wisdom) = (campaign.Id, campaign.In("wisdom"));
                var browser = new AccountBrowser(first);
                email = AccountBrowser.NewEmail("voter");
                await browser.RegisterAndConfirmAsync(email, VotingCampaign.ResidentPassword);
                await browser.SignInAsync(email, VotingCampaign.ResidentPassword);
                kept = await ReceiptAsync(await campaign.VoteAsync(browser.Client, wisdom[0]));
                withdrawn = await ReceiptAsync(await campaign.VoteAsync(browser.Client, campaign.In("excellence")[0]));
                (await browser.Client.PostAsync($"/api/campaigns/{campaignId}/votes/{withdrawn}/withdraw", null)).EnsureSuccessStatusCode();
            }

            await using var second = new AwardsAppFactory(Settings(), dataPath);
            var again = new AccountBrowser(second);
            await again.SignInAsync(email, VotingCampaign.ResidentPassword);
            var visitor = second.CreateClient();

            Assert.Equal("Counted", (await visitor.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{kept}")).GetProperty("status").GetString());
            Assert.Equal("Withdrawn", (await visitor.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{withdrawn}")).GetProperty("status").GetString());
            var tallies = await visitor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/tallies");
            Assert.Equal(1, VotingApiTests.VotesFor(tallies, wisdom[0]));
            // The voter grain is new after the restart and reads the ballot back from the file: the same vote, and no second one.
            var same = await again.Client.PostAsJsonAsync($"/api/campaigns/{campaignId}/votes", new { entryId = wisdom[0] });
            var over = await again.Client.PostAsJsonAsync($"/api/campaigns/{campaignId}/votes", new { entryId = wisdom[1] });
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            Assert.Equal(kept, await ReceiptAsync(same));
            Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        }
        finally
        {
            if (Directory.Exists(dataPath))
                Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<string> ReceiptAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
}
