using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Tallying;

namespace CitySpiritAwards.Domain.Tests.Tallying;

public sealed class CategoryResultsTests
{
    [Fact]
    public void The_worked_example_in_points_out_of_a_hundred()
    {
        // docs/judging.md's example at 70/30: Φ(1) = 0.841345, Φ(0) = 0.5, Φ(−1) = 0.158655; votes 100, 400, 0 of at most 400.
        var shortlist = new List<EntryResult> { new("A", 1.0, 8m, 3), new("B", 0.0, 7m, 3), new("C", -1.0, 6m, 3) };
        var votes = new Dictionary<string, long> { ["A"] = 100, ["B"] = 400 };

        var ranked = CategoryResults.Rank(shortlist, votes, CampaignSettings.Default);

        Assert.Equal(["A", "B", "C"], ranked.Select(r => r.EntryId));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.Equal([100L, 400L, 0L], ranked.Select(r => r.Votes));
        // A: 70 × 0.841345 = 58.894 committee points + 30 × 0.25 = 7.5 public points = 66.394
        Assert.Equal(58.894, ranked[0].CommitteePoints, 3);
        Assert.Equal(7.5, ranked[0].PublicPoints, 6);
        Assert.Equal(66.394, ranked[0].FinalPoints, 3);
        // B: 35 + 30 = 65; C: 11.106 + 0
        Assert.Equal(65.0, ranked[1].FinalPoints, 6);
        Assert.Equal(11.106, ranked[2].FinalPoints, 3);
        Assert.Equal(0.0, ranked[2].PublicPart);
    }

    [Fact]
    public void The_committee_result_is_carried_into_the_ranking()
    {
        var ranked = CategoryResults.Rank([new("A", 0.25, 7.75m, 4)], new Dictionary<string, long>(), CampaignSettings.Default);

        var only = Assert.Single(ranked);
        Assert.Equal((0.25, 7.75m, 4, 0L), (only.NormalizedScore, only.RawScore, only.ScoreCount, only.Votes));
        Assert.Equal(70 * StandardNormal.Cdf(0.25), only.FinalPoints, 9);
    }

    [Fact]
    public void Points_always_add_up_to_the_final_score_times_a_hundred()
    {
        var settings = CampaignSettings.Default with { CommitteeWeightPercent = 60, PublicWeightPercent = 40 };
        var shortlist = new List<EntryResult> { new("A", 0.3, 7m, 3), new("B", -0.2, 6.5m, 3), new("C", 0.9, 8m, 2) };
        var votes = new Dictionary<string, long> { ["A"] = 7, ["B"] = 19, ["C"] = 3 };

        var ranked = CategoryResults.Rank(shortlist, votes, settings);
        var standings = FinalRanking.Rank(shortlist, votes.ToDictionary(v => v.Key, v => (int)v.Value), settings);

        Assert.Equal(standings.Select(s => s.EntryId), ranked.Select(r => r.EntryId));
        Assert.All(ranked.Zip(standings), pair => Assert.Equal(pair.Second.FinalScore * 100, pair.First.FinalPoints, 9));
    }

    [Fact]
    public void Votes_for_entries_not_on_the_shortlist_change_nothing_and_an_empty_shortlist_has_no_winner()
    {
        var votes = new Dictionary<string, long> { ["A"] = 10, ["elsewhere"] = 1_000 };

        var ranked = CategoryResults.Rank([new("A", 0, 7m, 3)], votes, CampaignSettings.Default);

        Assert.Equal(1.0, Assert.Single(ranked).PublicPart); // A has the most votes of its shortlist
        Assert.Empty(CategoryResults.Rank([], votes, CampaignSettings.Default));
    }
}
