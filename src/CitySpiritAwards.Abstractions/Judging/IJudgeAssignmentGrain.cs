namespace CitySpiritAwards.Abstractions.Judging;

/// <summary>
/// Who judges which entry of one category in one campaign, keyed <see cref="JudgingKeys.For"/>(campaign, category).
/// There is one activation in the whole cluster and it takes one call at a time, so however many jobs (retries, two
/// silos) ask for the assignment at once, the first decides it and the others find it done.
/// </summary>
[Alias("CitySpiritAwards.IJudgeAssignmentGrain")]
public interface IJudgeAssignmentGrain : IGrainWithStringKey
{
    /// <summary>The assignment, or null before it was made: every entry with its judges (for jobs; pages read the tables).</summary>
    [Alias("Get")]
    Task<AssignmentSnapshot?> GetAsync();

    /// <summary>When entries were assigned, the declared conflicts and the entries short of judges; null before assignment.</summary>
    [Alias("GetSummary")]
    Task<AssignmentSummary?> GetSummaryAsync();

    /// <summary>Whether the member is one of the entry's judges now.</summary>
    [Alias("IsJudge")]
    Task<bool> IsJudgeAsync(string entryId, string memberId);

    /// <summary>Writes the whole assignment to the read table again and clears its pending mark (catch-up, rebuild). Idempotent.</summary>
    [Alias("RefreshIndex")]
    Task RefreshIndexAsync();

    /// <summary>
    /// During committee scoring: assigns the category's entries (approved, nominee consenting) to k panel members each
    /// the first time; afterwards only gives entries the judges they lack (a member joined, an entry became eligible),
    /// never moving a judge. Nothing is assigned while the panel is empty. Safe to call any number of times.
    /// </summary>
    [Alias("EnsureAssigned")]
    Task<AssignmentSnapshot?> EnsureAssignedAsync(string actor);

    /// <summary>A judge declares a conflict of interest: they leave the entry and the least busy eligible member takes it (the outcome names them, or none).</summary>
    [Alias("Recuse")]
    Task<JudgingOutcome> RecuseAsync(string entryId, string memberId, string reason);

    /// <summary>
    /// For each of these entries, the panel members a chair may move it to now (by the rule <see cref="ReassignAsync"/>
    /// applies: never its nominator, a member who declared a conflict with it or one judging it already); empty when
    /// nobody is left. Entries not assigned are left out.
    /// </summary>
    [Alias("ReassignCandidates")]
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReassignCandidatesAsync(IReadOnlyList<string> entryIds);

    /// <summary>A chair moves an entry from one judge to a chosen panel member (or, when none is chosen, to the least busy eligible one).</summary>
    [Alias("Reassign")]
    Task<JudgingOutcome> ReassignAsync(string entryId, string fromMemberId, string? toMemberId, string actor);
}
