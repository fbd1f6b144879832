using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Tallying;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class ResultsGrainTests(EmbeddedClusterFixture fixture)
{
    private static FakeCountedVotes Votes => FakeCountedVotes.Instance;

    /// <summary>A campaign in <paramref name="phase"/> whose wisdom shortlist is A (z 1.0), B (z 0.0), C (z −1.0), the other awards empty.</summary>
    private async Task<string> CampaignAsync(CampaignPhase phase)
    {
        var id = TestData.UniqueId("results");
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
        await campaign.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow().AddDays(1)), "test");
        foreach (var category in CategoryIds.All)
        {
            IReadOnlyList<ShortlistedEntry> entries = category == CategoryIds.Wisdom
                ? [new("A", 1, 1.0, 8m, 3), new("B", 2, 0.0, 7m, 3), new("C", 3, -1.0, 6m, 3)]
                : [];
            await fixture.Grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(id, category)).PublishAsync(entries, "test");
        }
        while ((await campaign.GetAsync())!.Phase < phase)
            await campaign.AdvanceToAsync((await campaign.GetAsync())!.Phase + 1, "test");
        return id;
    }

    private IResultsGrain Results(string campaignId) => fixture.Grains.GetGrain<IResultsGrain>(campaignId);

    [Fact]
    public async Task Results_rank_each_award_by_committee_and_counted_votes_seventy_thirty()
    {
        var id = await CampaignAsync(CampaignPhase.Tallying);
        Votes.Set(id, new Dictionary<string, long> { ["A"] = 100, ["B"] = 400 });

        var outcome = await Results(id).ComputeAsync("job:results");

        var results = outcome.Results!;
        Assert.Null(outcome.Refusal);
        Assert.Equal((70, 30), (results.CommitteeWeightPercent, results.PublicWeightPercent));
        Assert.Equal(CategoryIds.All, results.Categories.Select(c => c.CategoryId));
        var wisdom = results.For(CategoryIds.Wisdom)!;
        Assert.Equal(["A", "B", "C"], wisdom.Standings.Select(s => s.EntryId));
        Assert.Equal("A", wisdom.Winner!.EntryId);
        Assert.Equal(66.394, wisdom.Standings[0].FinalPoints, 3);   // 70 × Φ(1) + 30 × 100/400
        Assert.Equal((8m, 3, 100L), (wisdom.Standings[0].RawScore, wisdom.Standings[0].ScoreCount, wisdom.Standings[0].Votes));
        Assert.Equal(65.0, wisdom.Standings[1].FinalPoints, 6);     // 70 × 0.5 + 30 × 1
        Assert.Null(results.For(CategoryIds.Excellence)!.Winner);
        Assert.False(results.IsPublished);
        Assert.Equal("job:results", results.ComputedBy);
    }

    [Fact]
    public async Task Many_calls_at_once_compute_once_and_all_get_the_same_results()
    {
        var id = await CampaignAsync(CampaignPhase.Tallying);
        Votes.Set(id, new Dictionary<string, long> { ["B"] = 9 });
        var firstRead = Votes.Close(id);

        var calls = Enumerable.Range(0, 20).Select(i => Results(id).ComputeAsync($"job:{i}")).ToList();
        await firstRead;          // one call is reading the votes; the others queue behind it
        Votes.Open(id);
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal(1, Votes.ReadsOf(id));
        Assert.All(outcomes, o => Assert.Equal(outcomes[0].Results!.ComputedBy, o.Results!.ComputedBy));
        Assert.Single(outcomes.Select(o => o.Results!.ComputedAt).Distinct());
        Assert.Single(outcomes[0].Results!.History);
        Assert.Equal("B", outcomes[0].Results!.For(CategoryIds.Wisdom)!.Winner!.EntryId); // 70 × 0.5 + 30 beats 70 × Φ(1)
    }

    [Fact]
    public async Task An_administrator_recomputes_during_Tallying_with_the_votes_counted_now_and_it_is_recorded()
    {
        var id = await CampaignAsync(CampaignPhase.Tallying);
        Votes.Set(id, new Dictionary<string, long> { ["B"] = 1 });
        await Results(id).ComputeAsync("job:results");
        Votes.Set(id, new Dictionary<string, long> { ["B"] = 1, ["C"] = 50 }); // held votes cleared

        EmbeddedClusterFixture.Clock.Advance(TimeSpan.FromHours(2));
        var again = await Results(id).ComputeAsync("job:results");
        var recomputed = await Results(id).RecomputeAsync("admin:chief@example.org");
        await fixture.DeactivateAsync(Results(id));
        var stored = (await Results(id).GetAsync())!;

        Assert.Equal(1L, again.Results!.For(CategoryIds.Wisdom)!.Standings.Single(s => s.EntryId == "B").Votes); // computing again changes nothing
        Assert.Equal(50L, recomputed.Results!.For(CategoryIds.Wisdom)!.Standings.Single(s => s.EntryId == "C").Votes);
        Assert.Equal("admin:chief@example.org", stored.ComputedBy);
        Assert.Equal(EmbeddedClusterFixture.Clock.GetUtcNow(), stored.ComputedAt);
        Assert.Equal(["results computed", "results recomputed"], stored.History.Select(h => h.Action));
        Assert.Equal(["job:results", "admin:chief@example.org"], stored.History.Select(h => h.Actor));
    }

    [Fact]
    public async Task Nothing_is_computed_before_Tallying_and_published_results_are_final()
    {
        var voting = await CampaignAsync(CampaignPhase.PublicVoting);
        Assert.Equal(ResultsRefusals.NotTallying, (await Results(voting).ComputeAsync("job:results")).Refusal);
        Assert.Equal(ResultsRefusals.NotTallying, (await Results(voting).RecomputeAsync("admin:a")).Refusal);
        Assert.Equal(ResultsRefusals.NotPublishedPhase, (await Results(voting).PublishAsync("admin:a")).Refusal);
        Assert.Null(await Results(voting).GetAsync());
        Assert.Equal(ResultsRefusals.NotFound, (await Results(TestData.UniqueId("none")).ComputeAsync("job:results")).Refusal);

        var published = await CampaignAsync(CampaignPhase.Published); // Tallying was never followed: publishing computes first
        var first = await Results(published).PublishAsync("job:results");
        var second = await Results(published).PublishAsync("admin:b");

        Assert.True(first.Results!.IsPublished);
        Assert.Equal("job:results", second.Results!.PublishedBy);
        Assert.Equal(["results computed", "results published"], second.Results.History.Select(h => h.Action));
        Assert.Equal(ResultsRefusals.AlreadyPublished, (await Results(published).RecomputeAsync("admin:a")).Refusal);
    }

    [Fact]
    public async Task A_vote_counted_after_the_results_were_computed_is_in_the_published_results()
    {
        var id = await CampaignAsync(CampaignPhase.Tallying);
        Votes.Set(id, new Dictionary<string, long> { ["A"] = 2, ["B"] = 2 });
        var computed = (await Results(id).ComputeAsync("job:results")).Results!;
        // A vote receipted as voting closed lands after the computation (or a held vote is cleared).
        Votes.Set(id, new Dictionary<string, long> { ["A"] = 2, ["B"] = 3 });
        await fixture.Grains.GetGrain<ICampaignGrain>(id).AdvanceToAsync(CampaignPhase.Published, "test");

        var published = (await Results(id).PublishAsync("job:results")).Results!;

        Assert.Equal(2, computed.For(CategoryIds.Wisdom)!.Standings.Single(s => s.EntryId == "B").Votes);
        Assert.Equal(3, published.For(CategoryIds.Wisdom)!.Standings.Single(s => s.EntryId == "B").Votes);
        Assert.True(published.IsPublished);
        Assert.Equal(["results computed", "results recomputed at publication: the votes had changed", "results published"],
            published.History.Select(h => h.Action));
    }

    [Fact]
    public async Task Without_every_shortlist_nothing_is_computed_yet()
    {
        var id = TestData.UniqueId("results");
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
        await campaign.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow().AddDays(1)), "test");
        while ((await campaign.GetAsync())!.Phase < CampaignPhase.Tallying)
            await campaign.AdvanceToAsync((await campaign.GetAsync())!.Phase + 1, "test");

        Assert.Equal(ResultsRefusals.ShortlistsPending, (await Results(id).ComputeAsync("job:results")).Refusal);
        Assert.Null(await Results(id).GetAsync());
    }
}
