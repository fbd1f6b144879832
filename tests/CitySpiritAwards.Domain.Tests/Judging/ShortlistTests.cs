using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Domain.Tests.Judging;

public sealed class ShortlistTests
{
    [Fact]
    public void The_top_entries_by_normalised_score_are_shortlisted()
    {
        var top = Shortlist.Top(
        [
            new EntryResult("low", -1.0, 4m, 3),
            new EntryResult("high", 1.2, 8m, 3),
            new EntryResult("mid", 0.3, 6m, 3),
        ], size: 2);

        Assert.Equal(["high", "mid"], top.Select(r => r.EntryId));
    }

    [Fact]
    public void Ties_go_to_the_higher_raw_score_then_more_scores_then_the_entry_id()
    {
        var ranked = Shortlist.Rank(
        [
            new EntryResult("d", 0.5, 7m, 3),
            new EntryResult("c", 0.5, 7m, 3),
            new EntryResult("b", 0.5, 7m, 4),
            new EntryResult("a", 0.5, 6m, 5),
        ]);

        Assert.Equal(["b", "c", "d", "a"], ranked.Select(r => r.EntryId));
    }

    [Fact]
    public void Asking_for_more_than_there_are_gives_them_all_and_a_size_below_one_is_refused()
    {
        Assert.Single(Shortlist.Top([new EntryResult("only", 0, 5m, 1)], size: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shortlist.Top([], size: 0));
    }
}
