using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Domain.Tests.Judging;

public sealed class ScoreNormalizationTests
{
    private static EntryResult For(IReadOnlyList<EntryResult> results, string entry) => results.Single(r => r.EntryId == entry);

    [Fact]
    public void A_harsh_and_a_lenient_member_with_the_same_preference_count_the_same()
    {
        // Lenient: 9 and 7 (mean 8, σ 1). Harsh: 4 and 2 (mean 3, σ 1). Both prefer A by the same margin.
        var results = ScoreNormalization.Aggregate(
        [
            new("lenient", "A", 9m), new("lenient", "B", 7m),
            new("harsh", "A", 4m), new("harsh", "B", 2m),
        ]);

        Assert.Equal(1.0, For(results, "A").NormalizedScore, 9);
        Assert.Equal(-1.0, For(results, "B").NormalizedScore, 9);
        Assert.Equal(6.5m, For(results, "A").RawScore);
        Assert.Equal(2, For(results, "A").ScoreCount);
    }

    [Fact]
    public void A_lenient_member_alone_cannot_decide_the_outcome()
    {
        // Raw means would put B first (8.5 vs 6). After normalising, each member's preference weighs the same,
        // and two of the three members prefer A.
        var results = ScoreNormalization.Aggregate(
        [
            new("lenient", "A", 7m), new("lenient", "B", 10m),
            new("m2", "A", 6m), new("m2", "B", 5m),
            new("m3", "A", 5m), new("m3", "B", 4m),
        ]);

        Assert.True(For(results, "A").NormalizedScore > For(results, "B").NormalizedScore);
        Assert.True(For(results, "B").RawScore > For(results, "A").RawScore);
    }

    [Fact]
    public void A_member_who_gave_everything_the_same_score_lifts_nothing()
    {
        var results = ScoreNormalization.Aggregate([new("flat", "A", 7m), new("flat", "B", 7m), new("flat", "C", 7m)]);

        Assert.All(results, r => Assert.Equal(0.0, r.NormalizedScore));
    }

    [Fact]
    public void A_member_with_a_single_entry_counts_as_neutral()
    {
        var results = ScoreNormalization.Aggregate([new("only-one", "A", 10m), new("m2", "A", 8m), new("m2", "B", 4m)]);

        // m2's z-scores are +1 (A) and −1 (B); only-one's single score is 0, so A's mean is (0 + 1) / 2.
        Assert.Equal(0.5, For(results, "A").NormalizedScore, 9);
        Assert.Equal(-1.0, For(results, "B").NormalizedScore, 9);
    }

    [Fact]
    public void A_member_scoring_an_entry_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ScoreNormalization.Aggregate([new("m", "A", 5m), new("m", "A", 6m)]));
    }
}
