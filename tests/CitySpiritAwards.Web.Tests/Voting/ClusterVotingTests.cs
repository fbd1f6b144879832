using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>
/// The voting guarantees on the smallest real cluster: two silos, real PostgreSQL. Tallies are read fresh on each
/// request (TallyRefresh 0) so they can be compared exactly; the rate limits are raised out of the way.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ClusterVotingTests(ServersFixture servers) : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Account:SignupPermitLimit"] = "1000",
        ["Voting:PermitsPerVoter"] = "100000",
        ["Voting:PermitsPerNetwork"] = "100000",
        ["Voting:TallyRefresh"] = "00:00:00",
    };

    private readonly ClusterSite _site = new(servers, Settings);

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task Two_hundred_racing_votes_by_one_voter_through_both_silos_count_exactly_the_limit()
    {
        var campaign = await VotingCampaign.CreateAsync(_site.First, CampaignSettings.Default with { VotesPerCategory = 3 }, entriesPerCategory: 10);
        var (onFirst, onSecond) = await ResidentOnBothAsync();
        var wisdom = campaign.In("wisdom");

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            campaign.VoteAsync(i % 2 == 0 ? onFirst : onSecond, wisdom[i % wisdom.Count])));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var receipts = new HashSet<string>();
        foreach (var response in responses.Where(r => r.IsSuccessStatusCode))
            receipts.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!);
        Assert.Equal(3, receipts.Count);
        Assert.Equal(3, (await onSecond.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/votes/mine")).GetArrayLength());
        Assert.Equal(3, await CountAsync($"SELECT count(*) FROM votes WHERE campaign_id = '{campaign.Id}' AND withdrawn_at IS NULL"));
        var tallies = await _site.Second.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/tallies");
        Assert.Equal(3, wisdom.Sum(e => VotingApiTests.VotesFor(tallies, e)));
    }

    [Fact]
    public async Task After_concurrent_voting_changing_and_withdrawing_through_both_silos_each_tally_equals_its_counted_receipts()
    {
        var campaign = await VotingCampaign.CreateAsync(_site.First, CampaignSettings.Default with { VotesPerCategory = 2 }, entriesPerCategory: 4);
        var voters = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ResidentOnBothAsync()));
        var entries = campaign.Entries.Values.SelectMany(e => e).ToList();

        // Each voter works through its own random script, its requests alternating between the silos; all voters at once.
        var counted = await Task.WhenAll(voters.Select((voter, v) => Task.Run(async () =>
        {
            var random = new Random(v);
            var mine = new Dictionary<string, string>(); // receipt → entry, as the responses said
            for (var step = 0; step < 16; step++)
            {
                var client = step % 2 == 0 ? voter.OnFirst : voter.OnSecond;
                var roll = random.Next(10);
                if (roll < 6 || mine.Count == 0)
                {
                    var entry = entries[random.Next(entries.Count)];
                    var response = await campaign.VoteAsync(client, entry);
                    if (response.IsSuccessStatusCode)
                        mine[await ReceiptAsync(response)] = entry;
                }
                else if (roll < 8)
                {
                    var receipt = mine.Keys.ElementAt(random.Next(mine.Count));
                    var response = await client.PostAsync($"/api/campaigns/{campaign.Id}/votes/{receipt}/withdraw", null);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    mine.Remove(receipt);
                }
                else
                {
                    var (receipt, from) = mine.ElementAt(random.Next(mine.Count));
                    var category = campaign.Entries.Single(c => c.Value.Contains(from)).Value;
                    var response = await client.PostAsJsonAsync($"/api/campaigns/{campaign.Id}/votes/{receipt}/change", new { entryId = category[random.Next(category.Count)] });
                    if (response.IsSuccessStatusCode)
                    {
                        var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
                        mine.Remove(receipt);
                        mine[moved.GetProperty("receipt").GetString()!] = moved.GetProperty("entryId").GetString()!;
                    }
                }
            }
            return mine;
        })));

        var expected = counted.SelectMany(m => m.Values).GroupBy(e => e).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.True(expected.Values.Sum() > 20, "the scripts should leave a good number of votes counted");
        foreach (var instance in new[] { _site.First, _site.Second })
        {
            var tallies = await instance.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/tallies");
            Assert.All(entries, e => Assert.Equal(expected.GetValueOrDefault(e), VotingApiTests.VotesFor(tallies, e)));
        }
        Assert.Equal(expected.Values.Sum(), await CountAsync($"SELECT count(*) FROM votes WHERE campaign_id = '{campaign.Id}' AND withdrawn_at IS NULL"));
        var visitor = _site.Second.CreateClient();
        foreach (var receipt in counted.SelectMany(m => m.Keys).Take(40))
            Assert.Equal("Counted", (await visitor.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Votes_receipted_by_a_silo_that_then_leaves_the_cluster_still_count_and_still_use_up_the_limit()
    {
        var campaign = await VotingCampaign.CreateAsync(_site.First);
        var cookie = await VotingCampaign.ResidentCookieAsync(_site.First);
        var leaving = _site.Instance();
        await leaving.InitializeAsync();
        string[] receipts;
        try
        {
            var viaLeaving = leaving.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            viaLeaving.DefaultRequestHeaders.Add("Cookie", cookie);
            receipts = await Task.WhenAll(new[] { "inclusiveness", "excellence", "wisdom", "magnanimity" }
                .Select(async c => await ReceiptAsync(await campaign.VoteAsync(viaLeaving, campaign.In(c)[0]))));
        }
        finally
        {
            await ((IAsyncLifetime)leaving).DisposeAsync();
        }

        var viaFirst = Client(_site.First, cookie);
        foreach (var receipt in receipts)
            Assert.Equal("Counted", (await viaFirst.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}")).GetProperty("status").GetString());
        var tallies = await viaFirst.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/tallies");
        Assert.Equal(4, campaign.Entries.Values.Sum(c => VotingApiTests.VotesFor(tallies, c[0])));
        // The voter's grain is activated anew on a remaining silo and reads its ballot from the votes table.
        var same = await campaign.VoteAsync(viaFirst, campaign.In("wisdom")[0]);
        var second = await campaign.VoteAsync(viaFirst, campaign.In("wisdom")[1]);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Contains(await ReceiptAsync(same), receipts);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task My_votes_lists_the_voters_own_votes_in_every_campaign_from_the_PostgreSQL_votes_table()
    {
        var first = await VotingCampaign.CreateAsync(_site.First, entriesPerCategory: 2);
        var second = await VotingCampaign.CreateAsync(_site.First, entriesPerCategory: 2);
        var (onFirst, onSecond) = await ResidentOnBothAsync();
        var (other, _) = await ResidentOnBothAsync();
        var kept = await ReceiptAsync(await first.VoteAsync(onFirst, first.In("wisdom")[0]));
        var taken = await ReceiptAsync(await second.VoteAsync(onFirst, second.In("excellence")[1]));
        (await onFirst.PostAsync($"/api/campaigns/{second.Id}/votes/{taken}/withdraw", null)).EnsureSuccessStatusCode();
        var theirs = await ReceiptAsync(await first.VoteAsync(other, first.In("wisdom")[1]));

        var page = await onSecond.GetStringAsync("/my-votes?culture=en");

        Assert.True(page.IndexOf(taken, StringComparison.Ordinal) is > 0 and var newest && newest < page.IndexOf(kept, StringComparison.Ordinal), "both, newest first");
        Assert.Contains("<strong>Withdrawn</strong>", page);
        Assert.Contains("<strong>Counted</strong>", page);
        Assert.DoesNotContain(theirs, page);
    }

    private async Task<(HttpClient OnFirst, HttpClient OnSecond)> ResidentOnBothAsync()
    {
        var cookie = await VotingCampaign.ResidentCookieAsync(_site.First);
        return (Client(_site.First, cookie), Client(_site.Second, cookie));
    }

    private static HttpClient Client(AwardsAppFactory instance, string cookie)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_site.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> ReceiptAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
    }
}
