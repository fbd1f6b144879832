using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Tests.Judging;

public sealed class CommitteeShortlistTests
{
    private static readonly LocalizedText Text = new("中文", "English");

    private static readonly Rubric Rubric = new(
    [
        new RubricCriterion("embodiment", Text, Text, 70),
        new RubricCriterion("evidence", Text, Text, 30),
    ]);

    private static SubmittedMarks Sheet(string member, string entry, int embodiment, int evidence) =>
        new(member, entry, new Dictionary<string, int> { ["embodiment"] = embodiment, ["evidence"] = evidence });

    [Fact]
    public void Sheets_are_weighted_by_the_rubric_normalised_per_member_and_the_top_n_kept()
    {
        var judges = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["m1", "m2"], ["b"] = ["m1", "m2"], ["c"] = ["m1", "m2"] };
        var sheets = new[]
        {
            // m1 is lenient, m2 harsh; both prefer a over b over c.
            Sheet("m1", "a", 10, 10), Sheet("m1", "b", 9, 9), Sheet("m1", "c", 8, 8),
            Sheet("m2", "a", 5, 2), Sheet("m2", "b", 3, 3), Sheet("m2", "c", 1, 1),
        };

        var top = CommitteeShortlist.Build(sheets, judges, Rubric, shortlistSize: 2);

        Assert.Equal(["a", "b"], top.Select(r => r.EntryId));
        Assert.Equal((10m + 4.1m) / 2, top[0].RawScore); // 70% × 5 + 30% × 2 = 4.1
        Assert.Equal(2, top[0].ScoreCount);
    }

    [Fact]
    public void Only_the_entrys_current_judges_count()
    {
        // m3 scored "a" and then recused: the sheet stays stored but no longer counts.
        var judges = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["m1"], ["b"] = ["m1"] };
        var sheets = new[] { Sheet("m1", "a", 5, 5), Sheet("m1", "b", 6, 6), Sheet("m3", "a", 10, 10) };

        var ranked = CommitteeShortlist.Build(sheets, judges, Rubric, shortlistSize: 5);

        Assert.Equal(["b", "a"], ranked.Select(r => r.EntryId));
        Assert.All(ranked, r => Assert.Equal(1, r.ScoreCount));
    }

    [Fact]
    public void Entries_nobody_scored_and_entries_no_longer_in_judging_are_not_shortlisted()
    {
        var judges = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["m1"], ["b"] = ["m1"] };
        var sheets = new[] { Sheet("m1", "a", 5, 5), Sheet("m1", "gone", 9, 9) };

        Assert.Equal(["a"], CommitteeShortlist.Build(sheets, judges, Rubric, 5).Select(r => r.EntryId));
    }
}
