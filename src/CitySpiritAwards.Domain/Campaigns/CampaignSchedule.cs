namespace CitySpiritAwards.Domain.Campaigns;

/// <summary>
/// The start time of every phase after Draft. A phase ends when the next one starts, so a schedule
/// is valid only when the starts strictly increase in phase order.
/// </summary>
public sealed record CampaignSchedule(IReadOnlyList<PhaseWindow> Phases)
{
    public static IReadOnlyList<CampaignPhase> ScheduledPhases { get; } =
        Enum.GetValues<CampaignPhase>().Where(p => p != CampaignPhase.Draft).ToArray();

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var missing = ScheduledPhases.Except(Phases.Select(p => p.Phase)).ToList();
        if (missing.Count > 0)
            problems.Add($"No start time for: {string.Join(", ", missing)}.");
        if (Phases.Select(p => p.Phase).Distinct().Count() != Phases.Count)
            problems.Add("A phase is scheduled twice.");
        // Draft has no start time, and a number that is no phase (JSON may carry one, e.g. "99") must not become one.
        var unschedulable = Phases.Select(p => p.Phase).Where(p => !ScheduledPhases.Contains(p)).Distinct().ToList();
        if (unschedulable.Count > 0)
            problems.Add($"Only {ScheduledPhases[0]} to {ScheduledPhases[^1]} have start times, not: {string.Join(", ", unschedulable)}.");
        problems.AddRange(OutOfOrder().Select(p => $"{p.Phase} must start after {p.Previous}."));
        return problems;
    }

    /// <summary>Each scheduled phase that does not start after the scheduled phase before it, with that phase.</summary>
    public IReadOnlyList<(CampaignPhase Phase, CampaignPhase Previous)> OutOfOrder()
    {
        var ordered = Phases.Where(p => ScheduledPhases.Contains(p.Phase)).OrderBy(p => p.Phase).ToList();
        return ordered.Skip(1).Zip(ordered)
            .Where(pair => pair.First.StartsAt <= pair.Second.StartsAt)
            .Select(pair => (pair.First.Phase, pair.Second.Phase))
            .ToList();
    }

    public DateTimeOffset? StartOf(CampaignPhase phase) =>
        Phases.FirstOrDefault(p => p.Phase == phase)?.StartsAt;

    /// <summary>The phase the schedule says should be running at <paramref name="now"/>.</summary>
    public CampaignPhase PhaseAt(DateTimeOffset now) =>
        Phases.Where(p => p.StartsAt <= now).Select(p => p.Phase).DefaultIfEmpty(CampaignPhase.Draft).Max();

    /// <summary>The next phase change after <paramref name="now"/>, if any is left.</summary>
    public PhaseWindow? NextChangeAfter(DateTimeOffset now) =>
        Phases.Where(p => p.StartsAt > now).OrderBy(p => p.StartsAt).FirstOrDefault();
}
