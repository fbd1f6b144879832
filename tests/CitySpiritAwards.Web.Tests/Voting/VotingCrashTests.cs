using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Support;
using Npgsql;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>No acknowledged vote is lost: a site process killed with SIGKILL right after answering has stored every vote it receipted.</summary>
[Collection(ServersCollection.Name)]
public sealed class VotingCrashTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly ClusterSite _site = new(servers, ClusterVotingTests.Settings) { FirstOnly = true };

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task Every_vote_receipted_by_a_site_killed_right_after_its_answers_is_counted()
    {
        // The campaign and its shortlists are activated on the in-process silo, which outlives the child.
        var campaign = await VotingCampaign.CreateAsync(_site.First, entriesPerCategory: 5);
        var cookies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => VotingCampaign.ResidentCookieAsync(_site.First)));
        await using var child = await SiteChild.StartClusterAsync(_site.PostgresConnectionString, servers.Azurite.ConnectionString, ClusterVotingTests.Settings);
        using var http = new HttpClient { BaseAddress = child.Address };

        // Ten residents vote in all four categories at once through the child; it is killed the moment the last answer is in.
        var answers = await Task.WhenAll(cookies.SelectMany((cookie, v) => campaign.Entries.Select(async category =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaign.Id}/votes")
            {
                Content = JsonContent.Create(new { entryId = category.Value[v % category.Value.Count] }),
            };
            request.Headers.Add("Cookie", cookie);
            var response = await http.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        })));
        await child.KillAsync();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var receipts = answers.Select(a => (Receipt: a.Body.GetProperty("receipt").GetString()!, Entry: a.Body.GetProperty("entryId").GetString()!)).ToList();
        Assert.Equal(40, receipts.Select(r => r.Receipt).Distinct().Count());
        // Receipts are read from the votes table: at once.
        var visitor = _site.First.CreateClient();
        foreach (var (receipt, _) in receipts)
            Assert.Equal("Counted", (await visitor.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}")).GetProperty("status").GetString());
        await using var connection = new NpgsqlConnection(_site.PostgresConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM votes WHERE campaign_id = '{campaign.Id}' AND withdrawn_at IS NULL", connection);
        Assert.Equal(40L, (long)(await count.ExecuteScalarAsync())!);
        // Tallies also need the campaign's grains, whose directory entries the dead silo may have held: they answer
        // again once the cluster has declared it dead.
        var tallies = await Eventually.GetAsync(
            () => visitor.GetAsync($"/api/campaigns/{campaign.Id}/tallies"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(120));
        Assert.Equal(HttpStatusCode.OK, tallies.StatusCode);
        var counted = await tallies.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var entry in receipts.GroupBy(r => r.Entry))
            Assert.Equal(entry.Count(), VotingApiTests.VotesFor(counted, entry.Key));
    }
}
