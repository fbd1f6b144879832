using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Judging;

/// <summary>
/// How panels and judge assignments may change once scoring is under way. The first assignment is
/// <see cref="JudgeAssignment.Plan"/>; after it, existing judges are never moved by the system: a top-up only gives
/// entries the judges they lack (a member joined late, an entry became eligible), and only a recusal or a chair moves
/// a judge.
/// </summary>
public static class AssignmentRules
{
    /// <summary>Members may join a panel until scoring closes (a late member can take over recusals).</summary>
    public static string? Join(CampaignPhase phase) =>
        phase >= CampaignPhase.PublicVoting ? JudgingRefusals.WrongPhase : null;

    /// <summary>
    /// Members may leave a panel only before committee scoring starts (entries are assigned as it starts), so no entry
    /// silently loses a judge; later, a chair moves the member's entries to others instead.
    /// </summary>
    public static string? Leave(CampaignPhase phase) =>
        phase >= CampaignPhase.CommitteeScoring ? JudgingRefusals.PanelLocked : null;

    /// <summary>
    /// Keeps every judge already assigned and gives each of <paramref name="entries"/> the judges it lacks, the least
    /// busy eligible member first (as <see cref="JudgeAssignment.Replacement"/> picks). Entries already assigned but no
    /// longer listed keep their judges (they still count towards loads).
    /// </summary>
    public static AssignmentPlan TopUp(
        IReadOnlyDictionary<string, IReadOnlyList<string>> current,
        IEnumerable<EntryToJudge> entries,
        IEnumerable<PanelMember> panel,
        IEnumerable<Conflict> conflicts,
        int judgesPerEntry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(judgesPerEntry, 1);
        var members = panel.ToList();
        var conflictList = conflicts.ToList();
        var judgesByEntry = current.ToDictionary(p => p.Key, p => p.Value.ToList());
        var load = judgesByEntry.Values.SelectMany(j => j).GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var shortOfJudges = new List<string>();

        foreach (var entry in entries.OrderBy(e => e.EntryId, StringComparer.Ordinal))
        {
            var judges = judgesByEntry.TryGetValue(entry.EntryId, out var existing) ? existing : judgesByEntry[entry.EntryId] = [];
            while (judges.Count < judgesPerEntry
                && JudgeAssignment.Replacement(entry, judges, members, conflictList, m => load.GetValueOrDefault(m)) is { } next)
            {
                judges.Add(next);
                load[next] = load.GetValueOrDefault(next) + 1;
            }
            if (judges.Count < judgesPerEntry)
                shortOfJudges.Add(entry.EntryId);
        }
        return new AssignmentPlan(judgesByEntry.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value), shortOfJudges);
    }

    /// <summary>
    /// A chair moves an entry from one judge to another panel member. Returns why not, or null. The new judge must be on
    /// the entry's panel, must not have nominated it or declared a conflict with it, and must not already judge it
    /// (<see cref="MayTakeOver"/>).
    /// </summary>
    public static string? Reassign(
        EntryToJudge entry, IReadOnlyList<string> judges, string from, string to, IEnumerable<PanelMember> panel, IEnumerable<Conflict> conflicts) =>
        judges.Contains(from) ? MayTakeOver(entry, judges, to, panel, conflicts) : JudgingRefusals.NotAssigned;

    /// <summary>
    /// Why <paramref name="to"/> may not take over one of the entry's judges' places, or null when they may: they must be
    /// on the entry's panel, must not have nominated it or declared a conflict with it, and must not already judge it.
    /// </summary>
    public static string? MayTakeOver(
        EntryToJudge entry, IReadOnlyList<string> judges, string to, IEnumerable<PanelMember> panel, IEnumerable<Conflict> conflicts)
    {
        if (!panel.Any(m => m.MemberId == to && m.CategoryId == entry.CategoryId))
            return JudgingRefusals.NotOnPanel;
        if (to == entry.NominatorId || conflicts.Any(c => c.MemberId == to && c.EntryId == entry.EntryId))
            return JudgingRefusals.Ineligible;
        return judges.Contains(to) ? JudgingRefusals.AlreadyJudging : null;
    }

    /// <summary>
    /// The members a chair may move the entry to (in panel order): exactly those <see cref="Reassign"/> accepts, so a list
    /// offering them offers nobody who would be refused. Empty when nobody is left.
    /// </summary>
    public static IReadOnlyList<string> ReassignCandidates(
        EntryToJudge entry, IReadOnlyList<string> judges, IEnumerable<PanelMember> panel, IEnumerable<Conflict> conflicts)
    {
        // Only this entry's panel and conflicts matter: narrowed once, as a top-up asks this for every entry.
        var members = panel.Where(m => m.CategoryId == entry.CategoryId).ToList();
        var conflicted = conflicts.Where(c => c.EntryId == entry.EntryId).ToList();
        return members.Select(m => m.MemberId).Distinct()
            .Where(to => MayTakeOver(entry, judges, to, members, conflicted) is null)
            .ToList();
    }
}
