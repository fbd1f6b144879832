using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;
using Microsoft.Extensions.Logging;

namespace CitySpiritAwards.Grains.Judging;

public sealed class JudgeAssignmentGrain(
    [PersistentState("assignment", StorageNames.Awards)] IPersistentState<AssignmentState> state,
    INominationIndex nominations,
    IJudgingIndex judging,
    AwardsClock clock,
    ILogger<JudgeAssignmentGrain> logger) : Grain, IJudgeAssignmentGrain
{
    /// <summary>How many of the entries short of judges the summary names (it counts them all).</summary>
    private const int ShortOfJudgesNamed = 50;

    private AssignmentState S => state.State;

    /// <summary>
    /// The entries-in-judging mark and the panel the last top-up saw, in this activation only: the minutely safety net
    /// then costs two small reads, not the award's entries, until an entry or a member comes or goes.
    /// </summary>
    private (EntriesInJudgingMark Entries, string Panel)? _toppedUpFor;
    /// <summary>The entries by id, built on first use in this activation: the chair's page asks about 50 entries of thousands.</summary>
    private Dictionary<string, AssignedEntryState>? _byId;

    private string CampaignId => JudgingKeys.Split(this.GetPrimaryKeyString()).CampaignId;
    private string CategoryId => JudgingKeys.Split(this.GetPrimaryKeyString()).Id;

    public Task<AssignmentSnapshot?> GetAsync() => Task.FromResult(S.AssignedAt is null ? null : Snapshot());

    public Task<AssignmentSummary?> GetSummaryAsync()
    {
        if (S.AssignedAt is not { } assignedAt)
            return Task.FromResult<AssignmentSummary?>(null);
        var shortOfJudges = S.Entries.Where(e => e.Judges.Count < S.JudgesPerEntry).Select(e => e.EntryId).ToList();
        return Task.FromResult<AssignmentSummary?>(new AssignmentSummary(
            assignedAt, S.JudgesPerEntry, S.Recusals.ToList(), shortOfJudges.Count, shortOfJudges.Take(ShortOfJudgesNamed).ToList()));
    }

    public Task<bool> IsJudgeAsync(string entryId, string memberId) => Task.FromResult(Find(entryId)?.Judges.Contains(memberId) == true);

    public async Task RefreshIndexAsync()
    {
        if (S.AssignedAt is null)
            await judging.ForgetPendingAsync(IJudgingIndex.AssignmentKind, this.GetPrimaryKeyString());
        else
            await judging.WriteAssignmentAsync(Rows(S.Entries, complete: true)); // a failure here is the caller's to retry
    }

    public async Task<AssignmentSnapshot?> EnsureAssignedAsync(string actor)
    {
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(CampaignId).GetAsync();
        if (campaign?.Phase != CampaignPhase.CommitteeScoring)
            return await GetAsync();
        var panel = await PanelAsync();
        if (panel.Count == 0)
            return await GetAsync();

        var seen = (await nominations.EntriesInJudgingMarkAsync(CampaignId, CategoryId), string.Join(',', panel.Select(m => m.MemberId).Order(StringComparer.Ordinal)));
        if (S.AssignedAt is not null && _toppedUpFor == seen)
            return Snapshot();
        var entries = (await nominations.EntriesInJudgingAsync(CampaignId, CategoryId))
            .Select(n => new EntryToJudge(n.Id, CategoryId, n.NominatorId)).ToList();
        var judgesPerEntry = campaign.Settings.JudgesPerEntry;
        if (S.AssignedAt is null)
        {
            var plan = JudgeAssignment.Plan(entries, panel, Conflicts(), judgesPerEntry);
            S.JudgesPerEntry = judgesPerEntry;
            S.AssignedAt = clock.UtcNow;
            S.AssignedBy = actor;
            Apply(plan, entries);
            Record(actor, $"assigned {entries.Count} entries to {panel.Count} members, {judgesPerEntry} judges each");
            await PersistAsync(S.Entries, complete: true);
            _toppedUpFor = seen;
            return Snapshot();
        }

        var before = JudgesByEntry();
        Apply(AssignmentRules.TopUp(before, entries, panel, Conflicts(), S.JudgesPerEntry), entries);
        var changed = S.Entries.Where(e => !before.TryGetValue(e.EntryId, out var judges) || !judges.SequenceEqual(e.Judges)).ToList();
        if (changed.Count > 0)
        {
            Record(actor, "gave entries the judges they lacked");
            await PersistAsync(changed, complete: false);
        }
        _toppedUpFor = seen;
        return Snapshot();
    }

    public async Task<JudgingOutcome> RecuseAsync(string entryId, string memberId, string reason)
    {
        if (Find(entryId) is not { } entry)
            return JudgingOutcome.Refused(JudgingRefusals.NotFound);
        var window = await WindowAsync(isJudge: entry.Judges.Contains(memberId));
        if (window is null)
            return JudgingOutcome.Refused(JudgingRefusals.NotFound);
        if (ScoringRules.Recuse(window, reason) is { } refusal)
            return JudgingOutcome.Refused(refusal);

        S.Recusals.Add(new RecusalRecord(memberId, entryId, reason.Trim(), clock.UtcNow));
        _toppedUpFor = null; // a conflict changes who may judge: the next top-up looks at every entry again
        entry.Judges.Remove(memberId);
        var replacement = JudgeAssignment.Replacement(ToJudge(entry), entry.Judges, await PanelAsync(), Conflicts(), LoadOf);
        if (replacement is not null)
            entry.Judges.Add(replacement);
        Record($"member:{memberId}", $"recused from {entryId}; {(replacement is null ? "no replacement left" : $"replaced by {replacement}")}");
        await PersistAsync([entry], complete: false);
        return JudgingOutcome.Done(replacement);
    }

    public async Task<JudgingOutcome> ReassignAsync(string entryId, string fromMemberId, string? toMemberId, string actor)
    {
        if (Find(entryId) is not { } entry)
            return JudgingOutcome.Refused(JudgingRefusals.NotFound);
        var window = await WindowAsync(isJudge: true);
        if (window is null)
            return JudgingOutcome.Refused(JudgingRefusals.NotFound);
        if (window.ClosedBecause is { } closed)
            return JudgingOutcome.Refused(closed);

        var panel = await PanelAsync();
        var to = toMemberId ?? JudgeAssignment.Replacement(ToJudge(entry), entry.Judges, panel, Conflicts(), LoadOf);
        if (to is null)
            return JudgingOutcome.Refused(entry.Judges.Contains(fromMemberId) ? JudgingRefusals.NoReplacement : JudgingRefusals.NotAssigned);
        if (AssignmentRules.Reassign(ToJudge(entry), entry.Judges, fromMemberId, to, panel, Conflicts()) is { } refusal)
            return JudgingOutcome.Refused(refusal);

        entry.Judges[entry.Judges.IndexOf(fromMemberId)] = to;
        _toppedUpFor = null;
        Record(actor, $"moved {entryId} from {fromMemberId} to {to}");
        await PersistAsync([entry], complete: false);
        return JudgingOutcome.Done(to);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReassignCandidatesAsync(IReadOnlyList<string> entryIds)
    {
        var candidates = new Dictionary<string, IReadOnlyList<string>>();
        if (entryIds.Count == 0 || S.AssignedAt is null)
            return candidates;
        var panel = await PanelAsync();
        var conflicts = Conflicts();
        foreach (var id in entryIds.Distinct())
            if (Find(id) is { } entry)
                candidates[id] = AssignmentRules.ReassignCandidates(ToJudge(entry), entry.Judges, panel, conflicts);
        return candidates;
    }

    private async Task<ScoringWindow?> WindowAsync(bool isJudge) =>
        await GrainFactory.GetGrain<ICampaignGrain>(CampaignId).GetAsync() is { } campaign
            ? await GrainFactory.ScoringWindowAsync(campaign, CategoryId, isJudge, clock)
            : null;

    private async Task<List<PanelMember>> PanelAsync() =>
        (await GrainFactory.GetGrain<IPanelGrain>(this.GetPrimaryKeyString()).GetMembersAsync())
            .Select(m => new PanelMember(m.MemberId, CategoryId)).ToList();

    private void Apply(AssignmentPlan plan, IReadOnlyList<EntryToJudge> entries)
    {
        foreach (var entry in entries)
        {
            var judges = plan.JudgesByEntry[entry.EntryId].ToList();
            if (Find(entry.EntryId) is { } existing)
                existing.Judges = judges;
            else
            {
                var added = new AssignedEntryState { EntryId = entry.EntryId, NominatorId = entry.NominatorId, Judges = judges };
                S.Entries.Add(added);
                _byId![added.EntryId] = added;
            }
        }
        S.Entries.Sort((a, b) => string.CompareOrdinal(a.EntryId, b.EntryId));
    }

    private AssignedEntryState? Find(string entryId)
    {
        if (_byId is null)
        {
            _byId = new Dictionary<string, AssignedEntryState>(S.Entries.Count, StringComparer.Ordinal);
            foreach (var entry in S.Entries)
                _byId.TryAdd(entry.EntryId, entry); // the first, as a search from the start finds
        }
        return _byId.GetValueOrDefault(entryId);
    }

    private EntryToJudge ToJudge(AssignedEntryState entry) => new(entry.EntryId, CategoryId, entry.NominatorId);

    private List<Conflict> Conflicts() => S.Recusals.Select(r => new Conflict(r.MemberId, r.EntryId)).ToList();

    private int LoadOf(string memberId) => S.Entries.Count(e => e.Judges.Contains(memberId));

    private Dictionary<string, IReadOnlyList<string>> JudgesByEntry() =>
        S.Entries.ToDictionary(e => e.EntryId, e => (IReadOnlyList<string>)e.Judges.ToList());

    /// <summary>
    /// Stores the state, then the changed entries' rows in the read table (all of them for a complete write). The pending
    /// mark comes first, so a crash between the two writes leaves it for the catch-up job, which writes them all.
    /// </summary>
    private async Task PersistAsync(IReadOnlyList<AssignedEntryState> changed, bool complete)
    {
        var key = this.GetPrimaryKeyString();
        await judging.MarkPendingAsync(IJudgingIndex.AssignmentKind, key);
        S.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle(); // the next call starts again from what is stored
            throw;
        }
        try
        {
            await judging.WriteAssignmentAsync(Rows(changed, complete));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The assignment {Key} is stored but its read-table rows are not yet; the catch-up job will write them", key);
        }
    }

    private AssignmentRows Rows(IEnumerable<AssignedEntryState> entries, bool complete) => new(
        CampaignId, CategoryId, S.AssignedAt!.Value, S.JudgesPerEntry, S.Version,
        entries.Select(e => new EntryJudges(e.EntryId, e.Judges.ToList())).ToList(), complete);

    private void Record(string actor, string action) => S.History.Add(new AuditEntry(clock.UtcNow, actor, action));

    private AssignmentSnapshot Snapshot() => new(
        CampaignId,
        CategoryId,
        S.Entries.Select(e => new AssignedEntry(e.EntryId, e.NominatorId, e.Judges.ToList())).ToList(),
        S.Recusals.ToList(),
        S.Entries.Where(e => e.Judges.Count < S.JudgesPerEntry).Select(e => e.EntryId).ToList(),
        S.AssignedAt!.Value,
        S.AssignedBy!,
        S.History.ToList());
}

[GenerateSerializer, Alias("CitySpiritAwards.AssignedEntryState")]
public sealed class AssignedEntryState
{
    [Id(0)] public string EntryId { get; set; } = "";
    [Id(1)] public string NominatorId { get; set; } = "";
    [Id(2)] public List<string> Judges { get; set; } = [];
}

[GenerateSerializer, Alias("CitySpiritAwards.AssignmentState")]
public sealed class AssignmentState
{
    [Id(0)] public DateTimeOffset? AssignedAt { get; set; }
    [Id(1)] public string? AssignedBy { get; set; }
    [Id(2)] public int JudgesPerEntry { get; set; }
    [Id(3)] public List<AssignedEntryState> Entries { get; set; } = [];
    [Id(4)] public List<RecusalRecord> Recusals { get; set; } = [];
    [Id(5)] public List<AuditEntry> History { get; set; } = [];

    /// <summary>Counts stored changes; the read table keeps the newest it was given.</summary>
    [Id(6)] public long Version { get; set; }
}
