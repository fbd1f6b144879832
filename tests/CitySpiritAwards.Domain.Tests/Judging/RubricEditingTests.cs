using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Tests.Judging;

public sealed class RubricEditingTests
{
    private static readonly LocalizedText Text = new("体现奖项精神", "Embodies the award");

    private static Rubric Of(params (string Id, int Weight)[] criteria) =>
        new(criteria.Select(c => new RubricCriterion(c.Id, Text, new LocalizedText("", ""), c.Weight)).ToList());

    [Fact]
    public void A_rubric_with_bilingual_criteria_weighing_100_in_all_is_accepted()
    {
        Assert.Empty(RubricEditing.Problems(Of(("embodiment", 50), ("impact", 30), ("team-work", 20))));
    }

    [Fact]
    public void Each_kind_of_mistake_is_named()
    {
        Assert.Equal([RubricEditing.NoCriteria], RubricEditing.Problems(Of()));
        Assert.Equal([RubricEditing.WeightsNot100], RubricEditing.Problems(Of(("a", 50), ("b", 40))));
        Assert.Equal([RubricEditing.WeightNotPositive], RubricEditing.Problems(Of(("a", 100), ("b", 0))));
        Assert.Equal([RubricEditing.BadId, RubricEditing.DuplicateIds], RubricEditing.Problems(Of(("Impact!", 50), ("Impact!", 50))));
        Assert.Equal([RubricEditing.TooManyCriteria, RubricEditing.WeightsNot100],
            RubricEditing.Problems(Of(Enumerable.Range(1, 9).Select(i => ($"c{i}", 10)).ToArray())));
        var noEnglish = new Rubric([new RubricCriterion("a", new LocalizedText("只有中文", " "), Text, 100)]);
        Assert.Equal([RubricEditing.NameIncomplete], RubricEditing.Problems(noEnglish));
    }

    [Fact]
    public void The_rubric_is_fixed_once_committee_scoring_starts()
    {
        Assert.Null(RubricEditing.Refusal(CampaignPhase.Screening));
        Assert.Equal(JudgingRefusals.RubricLocked, RubricEditing.Refusal(CampaignPhase.CommitteeScoring));
        Assert.Equal(JudgingRefusals.RubricLocked, RubricEditing.Refusal(CampaignPhase.Published));
    }
}
