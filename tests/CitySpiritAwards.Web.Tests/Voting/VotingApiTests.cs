using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>Public voting through the API, embedded mode (votes in the site's SQLite file).</summary>
public sealed class VotingApiTests(VotingApiTests.Site site) : IClassFixture<VotingApiTests.Site>
{
    public sealed class Site : IAsyncLifetime
    {
        // Tallies read fresh on every request, so the tests can compare them exactly right after voting.
        public AwardsAppFactory App { get; } = new(new Dictionary<string, string?>
        {
            ["Account:SignupPermitLimit"] = "1000",
            ["Voting:TallyRefresh"] = "00:00:00",
        });

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    private AwardsAppFactory App => site.App;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string Receipt(JsonElement vote) => vote.GetProperty("receipt").GetString()!;

    [Fact]
    public async Task A_resident_votes_and_gets_a_receipt_and_voting_again_for_the_same_entry_is_the_same_vote()
    {
        var campaign = await VotingCampaign.CreateAsync(App);
        var resident = await VotingCampaign.ResidentAsync(App);
        var entry = campaign.In("wisdom")[0];

        var first = await campaign.VoteAsync(resident, entry);
        var again = await campaign.VoteAsync(resident, entry);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var receipt = Receipt(await JsonAsync(first));
        Assert.Equal(receipt, Receipt(await JsonAsync(again)));
        Assert.Equal(26, receipt.Length);
        var mine = await resident.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/votes/mine");
        Assert.Equal(receipt, Receipt(Assert.Single(mine.EnumerateArray())));
        var tallies = await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/tallies");
        Assert.Equal(1, VotesFor(tallies, entry));
    }

    [Fact]
    public async Task Each_category_takes_at_most_the_campaigns_votes_and_the_refusal_is_in_the_readers_language()
    {
        var campaign = await VotingCampaign.CreateAsync(App, CampaignSettings.Default with { VotesPerCategory = 2 });
        var resident = await VotingCampaign.ResidentAsync(App);
        var excellence = campaign.In("excellence");

        Assert.Equal(HttpStatusCode.Created, (await campaign.VoteAsync(resident, excellence[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await campaign.VoteAsync(resident, excellence[1])).StatusCode);
        var third = await campaign.VoteAsync(resident, excellence[2], culture: "zh-CN");
        var otherCategory = await campaign.VoteAsync(resident, campaign.In("magnanimity")[0]);

        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(third);
        Assert.Equal("urn:city-spirit-awards:limit-reached", problem.GetProperty("type").GetString());
        Assert.Contains("票数已用完", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Created, otherCategory.StatusCode);
    }

    [Fact]
    public async Task A_vote_moves_to_another_entry_and_its_old_receipt_then_reads_withdrawn()
    {
        var campaign = await VotingCampaign.CreateAsync(App);
        var resident = await VotingCampaign.ResidentAsync(App);
        var (from, to) = (campaign.In("inclusiveness")[0], campaign.In("inclusiveness")[1]);
        var old = Receipt(await JsonAsync(await campaign.VoteAsync(resident, from)));

        var moved = await resident.PostAsJsonAsync($"/api/campaigns/{campaign.Id}/votes/{old}/change", new { entryId = to });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var now = await JsonAsync(moved);
        Assert.Equal(to, now.GetProperty("entryId").GetString());
        Assert.NotEqual(old, Receipt(now));
        Assert.Equal("Withdrawn", (await resident.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{old}")).GetProperty("status").GetString());
        Assert.Equal("Counted", (await resident.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{Receipt(now)}")).GetProperty("status").GetString());
        var tallies = await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/tallies");
        Assert.Equal(0, VotesFor(tallies, from));
        Assert.Equal(1, VotesFor(tallies, to));
    }

    [Fact]
    public async Task A_withdrawn_vote_stops_counting_and_gives_its_place_back()
    {
        var campaign = await VotingCampaign.CreateAsync(App);
        var resident = await VotingCampaign.ResidentAsync(App);
        var entries = campaign.In("excellence");
        var receipt = Receipt(await JsonAsync(await campaign.VoteAsync(resident, entries[0])));

        var withdrawn = await resident.PostAsync($"/api/campaigns/{campaign.Id}/votes/{receipt}/withdraw", null);
        var again = await resident.PostAsync($"/api/campaigns/{campaign.Id}/votes/{receipt}/withdraw", null);
        var other = await campaign.VoteAsync(resident, entries[1]);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("Withdrawn", (await JsonAsync(withdrawn)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var tallies = await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/tallies");
        Assert.Equal(0, VotesFor(tallies, entries[0]));
        Assert.Equal(1, VotesFor(tallies, entries[1]));
    }

    [Fact]
    public async Task A_campaign_that_does_not_allow_changes_keeps_votes_as_cast()
    {
        var campaign = await VotingCampaign.CreateAsync(App, CampaignSettings.Default with { AllowVoteChanges = false });
        var resident = await VotingCampaign.ResidentAsync(App);
        var receipt = Receipt(await JsonAsync(await campaign.VoteAsync(resident, campaign.In("wisdom")[0])));

        var withdraw = await resident.PostAsync($"/api/campaigns/{campaign.Id}/votes/{receipt}/withdraw", null);
        var change = await resident.PostAsJsonAsync($"/api/campaigns/{campaign.Id}/votes/{receipt}/change", new { entryId = campaign.In("wisdom")[1] });

        Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
        Assert.Equal("urn:city-spirit-awards:changes-not-allowed", (await JsonAsync(withdraw)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal("Counted", (await resident.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Votes_are_taken_only_for_shortlisted_entries_while_public_voting_is_open()
    {
        var campaign = await VotingCampaign.CreateAsync(App, phase: CampaignPhase.CommitteeScoring);
        var resident = await VotingCampaign.ResidentAsync(App);
        var entry = campaign.In("magnanimity")[0];

        var early = await campaign.VoteAsync(resident, entry);
        await campaign.AdvanceToAsync(CampaignPhase.PublicVoting);
        var open = await campaign.VoteAsync(resident, entry);
        var notShortlisted = await campaign.VoteAsync(resident, "somebody-else");
        var noCampaign = await resident.PostAsJsonAsync("/api/campaigns/no-such-campaign/votes", new { entryId = entry });
        var noEntry = await resident.PostAsJsonAsync($"/api/campaigns/{campaign.Id}/votes", new { entryId = "" });
        await campaign.AdvanceToAsync(CampaignPhase.Tallying);
        var late = await campaign.VoteAsync(resident, campaign.In("magnanimity")[1]);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("urn:city-spirit-awards:voting-closed", (await JsonAsync(early)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notShortlisted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noCampaign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEntry.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task A_receipt_shows_anyone_whether_the_vote_counts_and_only_its_voter_whom_it_was_for()
    {
        var campaign = await VotingCampaign.CreateAsync(App);
        var voter = await VotingCampaign.ResidentAsync(App);
        var someoneElse = await VotingCampaign.ResidentAsync(App);
        var entry = campaign.In("wisdom")[2];
        var receipt = Receipt(await JsonAsync(await campaign.VoteAsync(voter, entry)));

        var asVoter = await voter.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}");
        var asOther = await someoneElse.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt.ToUpperInvariant()}");
        var asVisitor = await App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}");
        var unknown = await App.CreateClient().GetAsync($"/api/votes/receipts/{new string('a', 26)}?culture=zh-CN");

        Assert.Equal(entry, asVoter.GetProperty("entryId").GetString());
        foreach (var view in new[] { asOther, asVisitor })
        {
            Assert.Equal("Counted", view.GetProperty("status").GetString());
            Assert.Equal("wisdom", view.GetProperty("categoryId").GetString());
            Assert.Equal(JsonValueKind.Null, view.GetProperty("entryId").ValueKind);
            Assert.DoesNotContain(entry, view.GetRawText());
        }
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("回执", (await JsonAsync(unknown)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Hidden_tallies_stay_hidden_until_tallying_and_live_ones_show_every_counted_vote()
    {
        var hidden = await VotingCampaign.CreateAsync(App, CampaignSettings.Default with { LiveTallies = false });
        var live = await VotingCampaign.CreateAsync(App, CampaignSettings.Default with { LiveTallies = true });
        var resident = await VotingCampaign.ResidentAsync(App);
        await hidden.VoteAsync(resident, hidden.In("excellence")[1]);
        await live.VoteAsync(resident, live.In("excellence")[1]);
        var visitor = App.CreateClient();

        var whileVoting = await visitor.GetAsync($"/api/campaigns/{hidden.Id}/tallies?culture=en");
        var liveTallies = await visitor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{live.Id}/tallies");
        await hidden.AdvanceToAsync(CampaignPhase.Tallying);
        var afterClose = await visitor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{hidden.Id}/tallies");

        Assert.Equal(HttpStatusCode.Forbidden, whileVoting.StatusCode);
        Assert.Contains("once voting has closed", (await JsonAsync(whileVoting)).GetProperty("title").GetString());
        Assert.Equal(1, VotesFor(liveTallies, live.In("excellence")[1]));
        Assert.Equal(0, VotesFor(liveTallies, live.In("excellence")[0]));
        Assert.Equal(4, liveTallies.GetProperty("categories").GetArrayLength());
        Assert.Equal(1, VotesFor(afterClose, hidden.In("excellence")[1]));
    }

    [Fact]
    public async Task Visitors_cannot_vote()
    {
        var campaign = await VotingCampaign.CreateAsync(App);

        var response = await campaign.VoteAsync(App.CreateClient(), campaign.In("wisdom")[0]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static long VotesFor(JsonElement tallies, string entryId) =>
        tallies.GetProperty("categories").EnumerateArray()
            .SelectMany(c => c.GetProperty("entries").EnumerateArray())
            .Single(e => e.GetProperty("entryId").GetString() == entryId)
            .GetProperty("votes").GetInt64();
}
