using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Domain.Tests.Judging;

public sealed class AssignmentRulesTests
{
    private static List<PanelMember> Panel(int size) =>
        Enumerable.Range(1, size).Select(i => new PanelMember($"judge-{i}", "wisdom")).ToList();

    private static EntryToJudge Entry(string id, string nominator = "resident") => new(id, "wisdom", nominator);

    [Fact]
    public void A_top_up_keeps_every_judge_and_gives_short_and_new_entries_the_least_busy_members()
    {
        var current = new Dictionary<string, IReadOnlyList<string>>
        {
            ["e1"] = ["judge-1", "judge-2"],
            ["e2"] = ["judge-1"],        // short: a recusal found nobody before judge-3 joined
        };

        var plan = AssignmentRules.TopUp(current, [Entry("e1"), Entry("e2"), Entry("e3")], Panel(3), [new Conflict("judge-2", "e2")], judgesPerEntry: 2);

        Assert.Equal(["judge-1", "judge-2"], plan.JudgesByEntry["e1"]);
        Assert.Equal(["judge-1", "judge-3"], plan.JudgesByEntry["e2"]);   // judge-2 declared a conflict with e2
        Assert.Equal(["judge-2", "judge-3"], plan.JudgesByEntry["e3"]);   // judge-1 is the busiest
        Assert.Empty(plan.ShortOfJudges);
    }

    [Fact]
    public void A_top_up_of_a_complete_assignment_changes_nothing()
    {
        var first = JudgeAssignment.Plan([Entry("e1"), Entry("e2"), Entry("e3")], Panel(4), [], judgesPerEntry: 3);

        var again = AssignmentRules.TopUp(first.JudgesByEntry, [Entry("e1"), Entry("e2"), Entry("e3")], Panel(4), [], judgesPerEntry: 3);

        Assert.Equal(first.JudgesByEntry.OrderBy(p => p.Key).Select(p => string.Join(",", p.Value)),
                     again.JudgesByEntry.OrderBy(p => p.Key).Select(p => string.Join(",", p.Value)));
    }

    [Fact]
    public void A_chair_may_move_an_entry_only_to_an_eligible_panel_member_not_already_judging_it()
    {
        var panel = Panel(4);
        var entry = Entry("e1", nominator: "judge-4");
        IReadOnlyList<string> judges = ["judge-1", "judge-2"];
        var conflicts = new[] { new Conflict("judge-3", "e1") };

        Assert.Equal(JudgingRefusals.NotAssigned, AssignmentRules.Reassign(entry, judges, "judge-3", "judge-1", panel, conflicts));
        Assert.Equal(JudgingRefusals.NotOnPanel, AssignmentRules.Reassign(entry, judges, "judge-1", "stranger", panel, conflicts));
        Assert.Equal(JudgingRefusals.Ineligible, AssignmentRules.Reassign(entry, judges, "judge-1", "judge-3", panel, conflicts));
        Assert.Equal(JudgingRefusals.Ineligible, AssignmentRules.Reassign(entry, judges, "judge-1", "judge-4", panel, conflicts));
        Assert.Equal(JudgingRefusals.AlreadyJudging, AssignmentRules.Reassign(entry, judges, "judge-1", "judge-2", panel, conflicts));
        Assert.Null(AssignmentRules.Reassign(entry, judges, "judge-1", "judge-5", [.. panel, new PanelMember("judge-5", "wisdom")], conflicts));
    }

    [Fact]
    public void The_members_a_chair_is_offered_are_exactly_those_a_reassignment_accepts()
    {
        // judge-4 nominated e1, judge-3 declared a conflict with it, judge-1 and judge-2 judge it; judge-6 sits on another panel.
        List<PanelMember> panel = [.. Panel(5), new PanelMember("judge-6", "magnanimity"), new PanelMember("judge-5", "wisdom")];
        var entry = Entry("e1", nominator: "judge-4");
        IReadOnlyList<string> judges = ["judge-1", "judge-2"];
        Conflict[] conflicts = [new("judge-3", "e1"), new("judge-5", "e2")];

        var offered = AssignmentRules.ReassignCandidates(entry, judges, panel, conflicts);

        Assert.Equal(["judge-5"], offered);
        foreach (var member in panel.Select(m => m.MemberId).Distinct())
            Assert.Equal(offered.Contains(member), AssignmentRules.Reassign(entry, judges, "judge-1", member, panel, conflicts) is null);
        Assert.Empty(AssignmentRules.ReassignCandidates(entry, judges, Panel(4), conflicts)); // nobody is left
        Assert.Equal("judge-5", JudgeAssignment.Replacement(entry, judges, panel, conflicts, _ => 0));
    }

    [Fact]
    public void Members_join_panels_until_voting_and_leave_only_before_scoring_starts()
    {
        Assert.Null(AssignmentRules.Join(CampaignPhase.CommitteeScoring));
        Assert.Equal(JudgingRefusals.WrongPhase, AssignmentRules.Join(CampaignPhase.PublicVoting));
        Assert.Null(AssignmentRules.Leave(CampaignPhase.Screening));
        Assert.Equal(JudgingRefusals.PanelLocked, AssignmentRules.Leave(CampaignPhase.CommitteeScoring));
    }
}
