using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Domain.Tests.Judging;

public sealed class JudgeAssignmentTests
{
    private static List<PanelMember> Panel(string category, int size) =>
        Enumerable.Range(1, size).Select(i => new PanelMember($"{category}-judge-{i}", category)).ToList();

    private static List<EntryToJudge> Entries(string category, int count, string nominator = "resident") =>
        Enumerable.Range(1, count).Select(i => new EntryToJudge($"{category}-entry-{i:00}", category, nominator)).ToList();

    [Fact]
    public void Every_entry_gets_k_judges_from_its_own_panel_with_loads_within_one()
    {
        var panel = Panel("excellence", 5).Concat(Panel("wisdom", 4)).ToList();
        var entries = Entries("excellence", 7).Concat(Entries("wisdom", 3)).ToList();

        var plan = JudgeAssignment.Plan(entries, panel, [], judgesPerEntry: 3);

        Assert.Empty(plan.ShortOfJudges);
        foreach (var entry in entries)
        {
            var judges = plan.JudgesByEntry[entry.EntryId];
            Assert.Equal(3, judges.Distinct().Count());
            Assert.All(judges, j => Assert.StartsWith(entry.CategoryId, j));
        }
        foreach (var category in new[] { "excellence", "wisdom" })
        {
            var loads = panel.Where(m => m.CategoryId == category).Select(m => plan.LoadOf(m.MemberId)).ToList();
            Assert.True(loads.Max() - loads.Min() <= 1, $"{category} loads: {string.Join(",", loads)}");
        }
        Assert.Equal(7 * 3, panel.Where(m => m.CategoryId == "excellence").Sum(m => plan.LoadOf(m.MemberId)));
    }

    [Fact]
    public void Nobody_judges_an_entry_they_nominated_or_declared_a_conflict_with()
    {
        var panel = Panel("magnanimity", 4);
        var entries = new List<EntryToJudge>
        {
            new("e1", "magnanimity", NominatorId: "magnanimity-judge-1"),
            new("e2", "magnanimity", NominatorId: "resident"),
        };

        var plan = JudgeAssignment.Plan(entries, panel, [new Conflict("magnanimity-judge-2", "e2")], judgesPerEntry: 3);

        Assert.DoesNotContain("magnanimity-judge-1", plan.JudgesByEntry["e1"]);
        Assert.DoesNotContain("magnanimity-judge-2", plan.JudgesByEntry["e2"]);
        Assert.Equal(3, plan.JudgesByEntry["e1"].Count);
        Assert.Equal(3, plan.JudgesByEntry["e2"].Count);
    }

    [Fact]
    public void An_entry_that_cannot_get_k_eligible_judges_is_reported()
    {
        var plan = JudgeAssignment.Plan(Entries("wisdom", 1), Panel("wisdom", 2), [], judgesPerEntry: 3);

        Assert.Equal(["wisdom-entry-01"], plan.ShortOfJudges);
        Assert.Equal(2, plan.JudgesByEntry["wisdom-entry-01"].Count);
    }

    [Fact]
    public void The_same_input_gives_the_same_plan()
    {
        var first = JudgeAssignment.Plan(Entries("excellence", 9), Panel("excellence", 4), [], 2);
        var second = JudgeAssignment.Plan(Entries("excellence", 9).AsEnumerable().Reverse(), Panel("excellence", 4).AsEnumerable().Reverse(), [], 2);

        static IEnumerable<string> Describe(AssignmentPlan plan) =>
            plan.JudgesByEntry.OrderBy(p => p.Key).Select(p => $"{p.Key}:{string.Join(",", p.Value.Order())}");
        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void A_recusal_is_replaced_by_the_least_busy_eligible_member()
    {
        var panel = Panel("wisdom", 4);
        var entry = new EntryToJudge("e1", "wisdom", "wisdom-judge-4");
        var loads = new Dictionary<string, int> { ["wisdom-judge-1"] = 5, ["wisdom-judge-2"] = 2, ["wisdom-judge-3"] = 1 };

        var replacement = JudgeAssignment.Replacement(entry, currentJudges: ["wisdom-judge-1"], panel,
            conflicts: [new Conflict("wisdom-judge-3", "e1")], loadOf: m => loads.GetValueOrDefault(m));

        // judge-3 is least busy but conflicted, judge-4 nominated it, judge-1 already judges it.
        Assert.Equal("wisdom-judge-2", replacement);
    }

    [Fact]
    public void No_replacement_when_nobody_eligible_is_left()
    {
        var panel = Panel("wisdom", 2);
        var entry = new EntryToJudge("e1", "wisdom", "resident");

        Assert.Null(JudgeAssignment.Replacement(entry, ["wisdom-judge-1", "wisdom-judge-2"], panel, [], _ => 0));
    }
}
