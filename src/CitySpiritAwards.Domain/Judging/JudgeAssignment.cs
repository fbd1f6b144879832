namespace CitySpiritAwards.Domain.Judging;

/// <summary>An approved entry waiting for judges: its category panel and who nominated it.</summary>
public sealed record EntryToJudge(string EntryId, string CategoryId, string NominatorId);

/// <summary>A committee member on one category's panel.</summary>
public sealed record PanelMember(string MemberId, string CategoryId);

/// <summary>A member who declared a conflict of interest with an entry, and so never judges it.</summary>
public sealed record Conflict(string MemberId, string EntryId);

/// <summary>The judges of each entry, and the entries that could not get the k judges asked for.</summary>
public sealed record AssignmentPlan(IReadOnlyDictionary<string, IReadOnlyList<string>> JudgesByEntry, IReadOnlyList<string> ShortOfJudges)
{
    public int LoadOf(string memberId) => JudgesByEntry.Values.Count(judges => judges.Contains(memberId));
}

/// <summary>
/// Gives each entry k judges from its category's panel: never its nominator, never a member with a declared
/// conflict, and spreading the work so that within a panel the busiest and the least busy member differ by at
/// most one entry wherever conflicts allow. Greedy: entries in id order, each takes the eligible members with the
/// fewest entries so far (ties by member id), which keeps loads level. Deterministic for the same input.
/// </summary>
public static class JudgeAssignment
{
    public static AssignmentPlan Plan(
        IEnumerable<EntryToJudge> entries,
        IEnumerable<PanelMember> panel,
        IEnumerable<Conflict> conflicts,
        int judgesPerEntry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(judgesPerEntry, 1);
        var conflicted = conflicts.Select(c => (c.MemberId, c.EntryId)).ToHashSet();
        var members = panel.GroupBy(m => m.CategoryId).ToDictionary(g => g.Key, g => g.Select(m => m.MemberId).Distinct().Order(StringComparer.Ordinal).ToList());
        var load = new Dictionary<string, int>();
        var judgesByEntry = new Dictionary<string, IReadOnlyList<string>>();
        var shortOfJudges = new List<string>();

        foreach (var entry in entries.OrderBy(e => e.EntryId, StringComparer.Ordinal))
        {
            var judges = members.GetValueOrDefault(entry.CategoryId, [])
                .Where(m => m != entry.NominatorId && !conflicted.Contains((m, entry.EntryId)))
                .OrderBy(m => load.GetValueOrDefault(m))
                .ThenBy(m => m, StringComparer.Ordinal)
                .Take(judgesPerEntry)
                .ToList();
            foreach (var judge in judges)
                load[judge] = load.GetValueOrDefault(judge) + 1;
            judgesByEntry[entry.EntryId] = judges;
            if (judges.Count < judgesPerEntry)
                shortOfJudges.Add(entry.EntryId);
        }
        return new AssignmentPlan(judgesByEntry, shortOfJudges);
    }

    /// <summary>
    /// After a recusal: the eligible panel member with the lightest load who does not already judge the entry (one of
    /// <see cref="AssignmentRules.ReassignCandidates"/>), or null when nobody is left.
    /// </summary>
    public static string? Replacement(
        EntryToJudge entry,
        IReadOnlyList<string> currentJudges,
        IEnumerable<PanelMember> panel,
        IEnumerable<Conflict> conflicts,
        Func<string, int> loadOf) =>
        AssignmentRules.ReassignCandidates(entry, currentJudges, panel, conflicts)
            .OrderBy(loadOf)
            .ThenBy(m => m, StringComparer.Ordinal)
            .FirstOrDefault();
}
