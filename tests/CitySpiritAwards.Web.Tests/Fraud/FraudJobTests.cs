using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Fraud;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Fraud;

/// <summary>The fraud scan in embedded mode (votes in the SQLite file): what it holds, what that does to tallies and receipts.</summary>
[Collection(FraudSiteCollection.Name)]
public sealed class FraudJobTests(FraudSite site)
{
    [Fact]
    public async Task A_burst_from_one_network_and_a_fresh_account_are_held_out_of_the_tallies_and_their_receipts_say_so()
    {
        var scenario = await site.ScenarioAsync();
        var visitor = site.App.CreateClient();
        var before = await TalliesAsync(scenario);

        var scan = await site.Job.ScanAsync(scenario.Campaign.Id);

        Assert.Equal(new FraudScan(scenario.Campaign.Id, Votes: 8, Flagged: 3, NewlyHeld: 3), scan);
        Assert.Equal((6L, 2L), before);
        Assert.Equal((4L, 1L), await TalliesAsync(scenario));
        Assert.Equal((5L, 5L, 3L), site.Ledger(scenario.Campaign.Id));
        foreach (var receipt in scenario.HeldReceipts)
            Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(visitor, receipt));
        foreach (var receipt in scenario.CountedReceipts)
            Assert.Equal("Counted", await FraudVoters.ReceiptStatusAsync(visitor, receipt));
        // The voter sees the same on their own receipt (with the entry, which only they may see).
        var own = await scenario.Fresh.Client.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{scenario.FreshReceipt}");
        Assert.Equal("HeldForReview", own.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Running_the_scan_again_or_on_top_of_itself_changes_nothing()
    {
        var scenario = await site.ScenarioAsync();
        var first = await site.Job.ScanAsync(scenario.Campaign.Id);
        var ledger = site.Ledger(scenario.Campaign.Id);

        async Task<FraudScan?> ScanAllAsync() => (await site.Job.ScanAllAsync()).Single(s => s.CampaignId == scenario.Campaign.Id);
        var again = await Task.WhenAll(site.Job.ScanAsync(scenario.Campaign.Id), site.Job.ScanAsync(scenario.Campaign.Id), ScanAllAsync());

        Assert.Equal(3, first!.NewlyHeld);
        // Each later scan reads again only the minute before the latest vote it saw (the fresh account's vote, which it
        // flags again and does not hold twice).
        Assert.All(again, scan => Assert.Equal(new FraudScan(scenario.Campaign.Id, Votes: 1, Flagged: 1, NewlyHeld: 0), scan));
        Assert.Equal(ledger, site.Ledger(scenario.Campaign.Id));
        Assert.Equal((4L, 1L), await TalliesAsync(scenario));
    }

    [Fact]
    public async Task A_scan_reads_only_the_votes_cast_since_the_last_one_and_still_sees_a_burst_that_spans_both()
    {
        var scenario = await site.ScenarioAsync();
        await site.Job.ScanAsync(scenario.Campaign.Id);
        site.Clock.Advance(TimeSpan.FromMinutes(10));
        // Two more accounts on the burst's network, within its window of each other but long after the first five:
        // not a burst, but the sixth and seventh accounts on one network (the campaign allows four).
        var late = new[] { await FraudVoters.CreateAsync(site.App, "203.0.113.6", site.Clock.GetUtcNow().AddDays(-90)), await FraudVoters.CreateAsync(site.App, "203.0.113.7", site.Clock.GetUtcNow().AddDays(-90)) };
        var receipts = new List<string>();
        foreach (var voter in late)
        {
            receipts.Add(await voter.VoteAsync(scenario.Campaign, scenario.Other));
            site.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var scan = await site.Job.ScanAsync(scenario.Campaign.Id);

        // The two new votes, and the fresh account's again (in the minute before the last scan's latest vote), held once.
        Assert.Equal(new FraudScan(scenario.Campaign.Id, Votes: 3, Flagged: 3, NewlyHeld: 2), scan);
        var visitor = site.App.CreateClient();
        foreach (var receipt in receipts)
            Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(visitor, receipt));
    }

    [Fact]
    public async Task The_recurring_scan_covers_voting_and_once_more_tallying_but_leaves_published_campaigns_alone()
    {
        var tallying = await VotingCampaign.CreateAsync(site.App, FraudSite.Settings);
        var published = await VotingCampaign.CreateAsync(site.App, FraudSite.Settings);
        var fresh = await FraudVoters.CreateAsync(site.App, "198.51.100.77", site.Clock.GetUtcNow());
        var inTallying = await fresh.VoteAsync(tallying, tallying.In("excellence")[0]);
        var inPublished = await fresh.VoteAsync(published, published.In("excellence")[0]);
        await tallying.AdvanceToAsync(CampaignPhase.Tallying);
        await published.AdvanceToAsync(CampaignPhase.Published);
        var holds = site.App.Services.GetRequiredService<IVoteHolds>();

        await site.Job.ScanAllAsync();

        var visitor = site.App.CreateClient();
        Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(visitor, inTallying));
        Assert.True(await holds.FinalSweepDoneAsync(tallying.Id, CancellationToken.None));
        Assert.Equal("Counted", await FraudVoters.ReceiptStatusAsync(visitor, inPublished));
        Assert.False(await holds.FinalSweepDoneAsync(published.Id, CancellationToken.None));
        using var connection = site.App.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), job => job.Id == FraudJob.RecurringJobId && job.Cron == AwardsAppFactory.NeverCron);
    }

    /// <summary>The public tallies of the scenario's two entries.</summary>
    private async Task<(long Hot, long Other)> TalliesAsync(Scenario scenario)
    {
        var tallies = await site.App.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{scenario.Campaign.Id}/tallies");
        return (VotingApiTests.VotesFor(tallies, scenario.Hot), VotingApiTests.VotesFor(tallies, scenario.Other));
    }
}
