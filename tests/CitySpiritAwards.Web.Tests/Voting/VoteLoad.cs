using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Support;
using Npgsql;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>
/// Residents voting through the real endpoint while something fails underneath: each ballot is sent again, as a client
/// would, until it gets its receipt (a 503, a refused connection or a timed-out request is tried again); any other refusal
/// is kept for the test to show. Afterwards <see cref="AssertEveryReceiptCountedAsync"/> shows no receipted vote was lost.
/// </summary>
public sealed class VoteLoad(string campaignId)
{
    private int _retries;

    /// <summary>Each receipt returned, with the entry it was for.</summary>
    public ConcurrentDictionary<string, string> Receipts { get; } = new();

    /// <summary>Answers that were neither a receipt nor worth retrying (they should not happen).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Tries that failed and were sent again (the fault was felt).</summary>
    public int Retries => _retries;

    /// <summary>Casts each ballot of one resident in turn, choosing the instance to send to at every try.</summary>
    public async Task CastAllAsync(string cookie, IEnumerable<string> entryIds, Func<HttpClient> route, CancellationToken deadline)
    {
        foreach (var entryId in entryIds)
            await CastAsync(cookie, entryId, route, deadline);
    }

    private async Task CastAsync(string cookie, string entryId, Func<HttpClient> route, CancellationToken deadline)
    {
        while (true)
        {
            deadline.ThrowIfCancellationRequested();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/votes") { Content = JsonContent.Create(new { entryId }) };
                request.Headers.Add("Cookie", cookie);
                using var response = await route().SendAsync(request, deadline);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    var vote = await response.Content.ReadFromJsonAsync<JsonElement>(deadline);
                    Receipts[vote.GetProperty("receipt").GetString()!] = entryId;
                    return;
                }
                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests))
                {
                    Refusals.Enqueue($"{entryId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(deadline)}");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // the instance is gone (connection refused or reset): try again, perhaps elsewhere
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // the request timed out
            }
            Interlocked.Increment(ref _retries);
            await Task.Delay(200, deadline);
        }
    }

    /// <summary>
    /// Every receipt returned reads "Counted", the votes table holds exactly these votes, and each entry's tally equals its receipts
    /// (tallies also need the campaign's grains, which answer again once a dead silo has been declared dead).
    /// </summary>
    public async Task AssertEveryReceiptCountedAsync(HttpClient visitor, string postgres, int expected)
    {
        Assert.Empty(Refusals);
        Assert.Equal(expected, Receipts.Count);
        foreach (var receipt in Receipts.Keys)
            Assert.Equal("Counted", (await visitor.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}")).GetProperty("status").GetString());
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM votes WHERE campaign_id = $1 AND withdrawn_at IS NULL", connection)
            {
                Parameters = { new NpgsqlParameter<string> { TypedValue = campaignId } },
            };
            Assert.Equal((long)expected, (long)(await count.ExecuteScalarAsync())!);
        }
        var tallies = await Eventually.GetAsync(
            () => visitor.GetAsync($"/api/campaigns/{campaignId}/tallies"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(120));
        Assert.Equal(HttpStatusCode.OK, tallies.StatusCode);
        var counted = await tallies.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var entry in Receipts.GroupBy(r => r.Value))
            Assert.Equal(entry.Count(), VotingApiTests.VotesFor(counted, entry.Key));
    }
}
