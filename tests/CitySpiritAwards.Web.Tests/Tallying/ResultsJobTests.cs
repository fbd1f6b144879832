using System.Net.Http.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Tallying;

/// <summary>Results follow the campaign's phases: computed as Tallying starts, published with the campaign.</summary>
public sealed class ResultsJobTests : IAsyncLifetime
{
    private readonly ResultsSite _site = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task When_Tallying_starts_on_schedule_the_results_are_computed_once_from_the_counted_votes()
    {
        var entries = await _site.CreateCampaignAsync("tally-schedule");
        await _site.ClockReachesAsync("tally-schedule", CampaignPhase.PublicVoting);
        await _site.VoteAsync("tally-schedule", entries["B"], entries["B"], entries["A"]);
        Assert.Null(await _site.ResultsAsync("tally-schedule"));

        await _site.ClockReachesAsync("tally-schedule", CampaignPhase.Tallying);
        await _site.App.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAllAsync(); // the minutely safety net right after

        var results = (await _site.ResultsAsync("tally-schedule"))!;
        var wisdom = results.For(CategoryIds.Wisdom)!;
        // B: 70 × Φ(0) + 30 × 2/2 = 65.0; A: 70 × Φ(0.2) + 30 × 1/2 = 55.548; C: 70 × Φ(−1) = 11.106
        Assert.Equal([entries["B"], entries["A"], entries["C"]], wisdom.Standings.Select(s => s.EntryId));
        Assert.Equal([2L, 1L, 0L], wisdom.Standings.Select(s => s.Votes));
        Assert.Equal(65.0, wisdom.Standings[0].FinalPoints, 6);
        Assert.Equal(55.548, wisdom.Standings[1].FinalPoints, 3);
        Assert.Equal(entries["D"], results.For(CategoryIds.Excellence)!.Winner!.EntryId);
        Assert.Single(results.History);
        Assert.Equal("job:results", results.ComputedBy);
        Assert.False(results.IsPublished);

        await _site.ClockReachesAsync("tally-schedule", CampaignPhase.Published);

        var published = (await _site.ResultsAsync("tally-schedule"))!;
        Assert.True(published.IsPublished);
        Assert.Equal(_site.Clock.GetUtcNow(), published.PublishedAt);
        Assert.Equal(["results computed", "results published"], published.History.Select(h => h.Action));
    }

    [Fact]
    public async Task An_administrators_early_advance_into_Tallying_computes_the_results()
    {
        await _site.CreateCampaignAsync("tally-early");
        await _site.ClockReachesAsync("tally-early", CampaignPhase.PublicVoting);
        var admin = await _site.AdminAsync();

        (await admin.PostAsJsonAsync("/api/admin/campaigns/tally-early/phase", new { phase = "Tallying" })).EnsureSuccessStatusCode();

        var results = (await _site.ResultsAsync("tally-early"))!;
        Assert.Equal(["results computed"], results.History.Select(h => h.Action));
        Assert.All(results.For(CategoryIds.Wisdom)!.Standings, s => Assert.Equal(0L, s.Votes));
    }
}
