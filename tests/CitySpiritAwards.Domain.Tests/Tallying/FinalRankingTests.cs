using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Tallying;

namespace CitySpiritAwards.Domain.Tests.Tallying;

public sealed class FinalRankingTests
{
    private static readonly CampaignSettings SeventyThirty = CampaignSettings.Default; // 70% committee, 30% public

    [Fact]
    public void The_worked_example_combines_committee_and_votes_seventy_thirty()
    {
        var shortlist = new List<EntryResult> { new("A", 1.0, 8m, 3), new("B", 0.0, 7m, 3), new("C", -1.0, 6m, 3) };
        var votes = new Dictionary<string, int> { ["A"] = 100, ["B"] = 400, ["C"] = 0 };

        var standings = FinalRanking.Rank(shortlist, votes, SeventyThirty);

        // Φ(1) = 0.841345, Φ(0) = 0.5, Φ(−1) = 0.158655; votes over the most votes: 0.25, 1, 0.
        // A: 0.7×0.841345 + 0.3×0.25 = 0.663941   B: 0.7×0.5 + 0.3×1 = 0.65   C: 0.7×0.158655 = 0.111059
        Assert.Equal(["A", "B", "C"], standings.Select(s => s.EntryId));
        Assert.Equal(0.663941, standings[0].FinalScore, 5);
        Assert.Equal(0.65, standings[1].FinalScore, 5);
        Assert.Equal(0.111059, standings[2].FinalScore, 5);
        Assert.Equal([1, 2, 3], standings.Select(s => s.Rank));
    }

    [Fact]
    public void A_strong_public_vote_can_overturn_a_narrow_committee_lead()
    {
        var shortlist = new List<EntryResult> { new("A", 1.0, 8m, 3), new("B", 0.9, 7.9m, 3) };
        var votes = new Dictionary<string, int> { ["A"] = 10, ["B"] = 500 };

        Assert.Equal("B", FinalRanking.Rank(shortlist, votes, SeventyThirty)[0].EntryId);
    }

    [Fact]
    public void A_tie_on_the_final_score_goes_to_the_committee_score()
    {
        // Public weight 100%: equal votes tie the final score; the committee then decides.
        var publicOnly = SeventyThirty with { CommitteeWeightPercent = 0, PublicWeightPercent = 100 };
        var shortlist = new List<EntryResult> { new("A", -0.5, 6m, 3), new("B", 0.5, 7m, 3) };
        var votes = new Dictionary<string, int> { ["A"] = 50, ["B"] = 50 };

        Assert.Equal(["B", "A"], FinalRanking.Rank(shortlist, votes, publicOnly).Select(s => s.EntryId));
    }

    [Fact]
    public void Without_votes_the_committee_alone_orders_the_entries()
    {
        var shortlist = new List<EntryResult> { new("A", -0.2, 6m, 3), new("B", 0.4, 7m, 3) };

        var standings = FinalRanking.Rank(shortlist, new Dictionary<string, int>(), SeventyThirty);

        Assert.Equal(["B", "A"], standings.Select(s => s.EntryId));
        Assert.All(standings, s => Assert.Equal(0.0, s.PublicPart));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.841345)]
    [InlineData(-1.96, 0.025)]
    [InlineData(3.0, 0.998650)]
    public void The_committee_part_is_the_normal_share_of_the_z_score(double z, double expected)
    {
        Assert.Equal(expected, StandardNormal.Cdf(z), tolerance: 1e-4);
    }
}
