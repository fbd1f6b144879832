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
    public void A_mark_for_an_unknown_criterion_is_refused_naming_it()
    {
        var marks = Marks(5, 5, 5, 5);
        marks["charm"] = 9;

        var error = Assert.Throws<ArgumentException>(() => Standard().WeightedScore(marks));

        Assert.Contains("'charm'", error.Message);
    }

    [Fact]
    public void The_weights_decide_the_score_not_the_order_of_the_criteria()
    {
        // The same marks with the heaviest criterion marked low: 40% × 5 + 30% × 6 + 20% × 10 + 10% × 8 = 6.6
        Assert.Equal(6.6m, Standard().WeightedScore(Marks(5, 6, 10, 8)));
    }

    [Fact]
    public void A_valid_rubric_has_no_problems()
    {
        Assert.Empty(Standard().Problems());
    }

    [Fact]
    public void Weights_must_add_up_to_100()
    {
        var criteria = Standard().Criteria.ToList();
        criteria[2] = criteria[2] with { WeightPercent = 10 }; // 40 + 30 + 10 + 10

        Assert.Equal(["Criterion weights add up to 90%, not 100%."], new Rubric(criteria).Problems());
    }

    [Fact]
    public void A_criterion_weighing_nothing_is_a_problem_even_when_the_total_is_100()
    {
        var criteria = Standard().Criteria.ToList();
        criteria[0] = criteria[0] with { WeightPercent = 50 };
        criteria[3] = criteria[3] with { WeightPercent = 0 };

        Assert.Equal(["Every criterion needs a weight above 0%."], new Rubric(criteria).Problems());
    }

    [Fact]
    public void A_rubric_without_criteria_is_a_problem()
    {
        Assert.Equal(["A rubric needs at least one criterion."], new Rubric([]).Problems());
    }

    [Fact]
    public void Criterion_ids_must_be_unique()
    {
        var criteria = Standard().Criteria.ToList();
        criteria[1] = criteria[1] with { Id = "embodiment" };

        Assert.Equal(["Criterion ids must be unique."], new Rubric(criteria).Problems());
    }

    [Fact]
    public void A_criterion_without_an_English_name_is_a_problem()
    {
        var criteria = Standard().Criteria.ToList();
        criteria[1] = criteria[1] with { Name = new LocalizedText("对他人的影响", " ") };

        Assert.Equal(["Every criterion needs a name in both Chinese and English."], new Rubric(criteria).Problems());
    }
}
