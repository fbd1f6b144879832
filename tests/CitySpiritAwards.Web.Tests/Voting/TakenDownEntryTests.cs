using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>
/// An entry taken down during voting (its nominee withdrew consent, a moderator hid it) can no longer be voted for. Votes
/// already cast for it stay in the votes table but count for nothing: the entry leaves the tallies and the results, and
/// those votes no longer use up their voters' votes in the award (docs/judging.md).
/// </summary>
public sealed class TakenDownEntryTests(TakenDownEntryTests.Site site) : IClassFixture<TakenDownEntryTests.Site>
{
    public sealed class Site : IAsyncLifetime
    {
        // What every silo knows of the campaign and its tallies is read afresh for each request, so a take-down shows at once.
        public AwardsAppFactory App { get; } = new(new Dictionary<string, string?>
        {
            ["Account:SignupPermitLimit"] = "1000",
            ["Voting:TallyRefresh"] = "00:00:00",
            ["Voting:CampaignRefresh"] = "00:00:00",
        });

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    private AwardsAppFactory App => site.App;

    /// <summary>The nominee's "withdraw my consent" through their emailed link, as they would do it.</summary>
    private async Task WithdrawConsentAsync(string entryId)
    {
        var token = App.Services.GetRequiredService<ConsentLinks>().CreateToken(entryId, 0, DateTimeOffset.UtcNow);
        (await App.CreateClient().PostAsJsonAsync($"/api/consent/{token}", new { action = "Withdraw" })).EnsureSuccessStatusCode();
    }

    private static long? VotesFor(JsonElement tallies, string entryId) =>
        tallies.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("entries").EnumerateArray())
            .Where(e => e.GetProperty("entryId").GetString() == entryId).Select(e => (long?)e.GetProperty("votes").GetInt64()).FirstOrDefault();

    [Fact]
    public async Task After_the_nominee_withdraws_consent_a_vote_for_them_is_refused_and_the_earlier_vote_counts_for_nothing()
    {
        var campaign = await VotingCampaign.CreateAsync(App, CampaignSettings.Default with { VotesPerCategory = 1 }, withNominations: true);
        var (withdrawn, other) = (campaign.In("wisdom")[0], campaign.In("wisdom")[1]);
        var early = await VotingCampaign.ResidentAsync(App);
        var cast = await campaign.VoteAsync(early, withdrawn);
        Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        var receipt = (await cast.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;

        await WithdrawConsentAsync(withdrawn);

        var late = await VotingCampaign.ResidentAsync(App);
        var refused = await campaign.VoteAsync(late, withdrawn, "zh-CN");
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:city-spirit-awards:taken-down", problem.GetProperty("type").GetString());
        Assert.StartsWith("这条推荐在投票期间已撤下", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Gone, (await campaign.VoteAsync(early, withdrawn)).StatusCode); // not "your vote, counted"

        // The earlier vote: kept (its receipt still looks up), out of the tallies, and no longer the voter's one vote here.
        var lookedUp = await early.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}");
        Assert.Equal("Counted", lookedUp.GetProperty("status").GetString());
        Assert.True(lookedUp.GetProperty("entryTakenDown").GetBoolean());
        var tallies = await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/tallies");
        Assert.Null(VotesFor(tallies, withdrawn));
        Assert.Equal(HttpStatusCode.Created, (await campaign.VoteAsync(early, other)).StatusCode);
        var (_, receiptPage) = await new AccountBrowser(App).GetAsync($"/receipts?receipt={receipt}");
        Assert.DoesNotContain("was taken down", receiptPage); // only its voter learns whom the vote was for

        await campaign.AdvanceToAsync(CampaignPhase.Tallying);
        var results = (await campaign.Grains.GetGrain<IResultsGrain>(campaign.Id).ComputeAsync("test")).Results!;
        var wisdom = results.Categories.Single(c => c.CategoryId == "wisdom").Standings;
        Assert.DoesNotContain(wisdom, s => s.EntryId == withdrawn);
        Assert.Equal(1, wisdom.Single(s => s.EntryId == other).Votes);
        Assert.Equal(2, wisdom.Count);
    }

    [Fact]
    public async Task A_vote_from_a_page_opened_before_a_moderator_hid_the_entry_is_refused_with_the_reason()
    {
        var campaign = await VotingCampaign.CreateAsync(App, withNominations: true);
        var hidden = campaign.In("excellence")[0];
        var resident = new AccountBrowser(App, "en");
        var email = AccountBrowser.NewEmail("voter");
        await resident.RegisterAndConfirmAsync(email, VotingCampaign.ResidentPassword);
        await resident.SignInAsync(email, VotingCampaign.ResidentPassword);
        var page = $"/campaigns/{campaign.Id}/vote";
        var (_, before) = await resident.GetAsync(page);
        Assert.Contains(hidden, before);

        await campaign.Grains.GetGrain<INominationGrain>(hidden).ModerateAsync(ModerationAction.Hide, "moderator:test", "abusive photo");

        var (status, html) = await resident.SubmitAndFollowAsync(page + "?handler=Vote", new Dictionary<string, string> { ["entryId"] = hidden }, page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This entry was taken down during voting", html);
        Assert.DoesNotContain(hidden, html);
        Assert.Equal("[]", await (await resident.Client.GetAsync($"/api/campaigns/{campaign.Id}/votes/mine")).Content.ReadAsStringAsync());
    }
}
