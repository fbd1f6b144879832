using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Tests.Rules;

public sealed class RubricRules
{
    private static readonly LocalizedText Text = new("中文", "English");

    private static Rubric Standard() => new(
    [
        new RubricCriterion("embodiment", Text, Text, 40),
        new RubricCriterion("impact", Text, Text, 30),
        new RubricCriterion("sustained", Text, Text, 20),
        new RubricCriterion("evidence", Text, Text, 10),
    ]);

    private static Dictionary<string, int> Marks(int embodiment, int impact, int sustained, int evidence) => new()
    {
        ["embodiment"] = embodiment, ["impact"] = impact, ["sustained"] = sustained, ["evidence"] = evidence,
    };

    [Fact]
    public void The_weighted_score_follows_the_worked_example()
    {
        // 40% × 8 + 30% × 6 + 20% × 10 + 10% × 5 = 3.2 + 1.8 + 2.0 + 0.5
        Assert.Equal(7.5m, Standard().WeightedScore(Marks(8, 6, 10, 5)));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1)]
    public void Equal_marks_give_that_mark(int mark)
    {
        Assert.Equal(mark, Standard().WeightedScore(Marks(mark, mark, mark, mark)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Marks_outside_1_to_10_are_refused(int mark)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Standard().WeightedScore(Marks(mark, 5, 5, 5)));
    }

    [Fact]
    public void A_missing_mark_is_refused_naming_the_criterion()
    {
        var marks = Marks(5, 5, 5, 5);
        marks.Remove("impact");

        var error = Assert.Throws<ArgumentException>(() => Standard().WeightedScore(marks));

        Assert.Contains("impact", error.Message);
    }

    [Fact]
    public void A_mark_for_an_unknown_criterion_is_refused()
    {
        var marks = Marks(5, 5, 5, 5);
        marks["charm"] = 9;

        Assert.Throws<ArgumentException>(() => Standard().WeightedScore(marks));
    }

    [Fact]
    public void A_valid_rubric_has_no_problems()
    {
        Assert.Empty(Standard().Problems());
    }

    [Fact]
    public void Weights_must_add_up_to_100()
    {
        var rubric = new Rubric(Standard().Criteria.Skip(1).ToList());

        Assert.Contains("Criterion weights add up to 60%, not 100%.", rubric.Problems());
    }

    [Fact]
    public void Criterion_ids_must_be_unique_and_names_bilingual()
    {
        var criteria = Standard().Criteria.ToList();
        criteria[1] = criteria[1] with { Id = "embodiment", Name = new LocalizedText("影响", "") };

        var problems = new Rubric(criteria).Problems();

        Assert.Contains("Criterion ids must be unique.", problems);
        Assert.Contains("Every criterion needs a name in both Chinese and English.", problems);
    }
}
