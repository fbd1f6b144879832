using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Tests.Judging;

public sealed class ScoringRulesTests
{
    private static readonly LocalizedText Text = new("中文", "English");
    private static readonly DateTimeOffset Closes = new(2027, 5, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static readonly Rubric Rubric = new(
    [
        new RubricCriterion("embodiment", Text, Text, 60),
        new RubricCriterion("impact", Text, Text, 40),
    ]);

    private static ScoringWindow Open(bool isJudge = true) => new(isJudge, CampaignPhase.CommitteeScoring, Closes, Closes.AddDays(-1), Finalised: false);

    private static Dictionary<string, int> Marks(params (string Id, int Mark)[] marks) => marks.ToDictionary(m => m.Id, m => m.Mark);

    [Fact]
    public void A_judge_may_save_a_partial_draft_but_must_mark_every_criterion_to_submit()
    {
        var draft = ScoringRules.Save(Open(), SheetStatus.ToDo, Rubric, Marks(("embodiment", 7)), "先存一下", SheetAction.SaveDraft);
        var submit = ScoringRules.Save(Open(), SheetStatus.Draft, Rubric, Marks(("embodiment", 7)), null, SheetAction.Submit);
        var complete = ScoringRules.Save(Open(), SheetStatus.Draft, Rubric, Marks(("embodiment", 7), ("impact", 9)), null, SheetAction.Submit);

        Assert.Equal(SheetStatus.Draft, draft.Next);
        Assert.Equal([new ScoringProblem("impact", ScoringRules.MarkRequired)], submit.Problems);
        Assert.Null(submit.Next);
        Assert.Equal(SheetStatus.Submitted, complete.Next);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-3)]
    public void Marks_run_from_1_to_10_even_in_a_draft(int mark)
    {
        var decision = ScoringRules.Save(Open(), SheetStatus.ToDo, Rubric, Marks(("impact", mark)), null, SheetAction.SaveDraft);

        Assert.Equal([new ScoringProblem("impact", ScoringRules.MarkOutOfRange)], decision.Problems);
    }

    [Fact]
    public void Unknown_criteria_and_overlong_comments_are_problems()
    {
        var decision = ScoringRules.Save(Open(), SheetStatus.ToDo, Rubric, Marks(("embodiment", 5), ("impact", 5), ("charm", 9)),
            new string('好', ScoringRules.MaxCommentLength + 1), SheetAction.Submit);

        Assert.Equal([new ScoringProblem("charm", ScoringRules.UnknownCriterion), new ScoringProblem(ScoringRules.CommentField, ScoringRules.CommentTooLong)], decision.Problems);
    }

    [Fact]
    public void A_submitted_score_may_be_changed_and_submitted_again_but_not_turned_back_into_a_draft()
    {
        var marks = Marks(("embodiment", 4), ("impact", 6));

        Assert.Equal(SheetStatus.Submitted, ScoringRules.Save(Open(), SheetStatus.Submitted, Rubric, marks, null, SheetAction.Submit).Next);
        Assert.Equal(JudgingRefusals.AlreadySubmitted, ScoringRules.Save(Open(), SheetStatus.Submitted, Rubric, marks, null, SheetAction.SaveDraft).Refusal);
    }

    [Fact]
    public void Only_the_entrys_judges_score_and_only_while_scoring_is_open()
    {
        var marks = Marks(("embodiment", 4), ("impact", 6));
        string? RefusalIn(ScoringWindow window) => ScoringRules.Save(window, SheetStatus.ToDo, Rubric, marks, null, SheetAction.Submit).Refusal;

        Assert.Null(RefusalIn(Open()));
        Assert.Equal(JudgingRefusals.NotAssigned, RefusalIn(Open(isJudge: false)));
        Assert.Equal(JudgingRefusals.WrongPhase, RefusalIn(Open() with { Phase = CampaignPhase.Screening }));
        Assert.Equal(JudgingRefusals.WrongPhase, RefusalIn(Open() with { Phase = CampaignPhase.PublicVoting }));
        // The phase job may run a little late: the schedule's end still closes scoring on the dot.
        Assert.Equal(JudgingRefusals.DeadlinePassed, RefusalIn(Open() with { Now = Closes }));
        Assert.Equal(JudgingRefusals.Finalised, RefusalIn(Open() with { Finalised = true }));
    }

    [Fact]
    public void A_recusal_needs_a_reason_and_an_open_window()
    {
        Assert.Null(ScoringRules.Recuse(Open(), "被推荐人是我的表姐"));
        Assert.Equal(JudgingRefusals.ReasonRequired, ScoringRules.Recuse(Open(), "  "));
        Assert.Equal(JudgingRefusals.ReasonTooLong, ScoringRules.Recuse(Open(), new string('x', ScoringRules.MaxReasonLength + 1)));
        Assert.Equal(JudgingRefusals.NotAssigned, ScoringRules.Recuse(Open(isJudge: false), "reason"));
        Assert.Equal(JudgingRefusals.DeadlinePassed, ScoringRules.Recuse(Open() with { Now = Closes.AddMinutes(1) }, "reason"));
    }
}
