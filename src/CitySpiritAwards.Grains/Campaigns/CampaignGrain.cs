using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Campaigns;

public sealed class CampaignGrain(
    [PersistentState("campaign", StorageNames.Awards)] IPersistentState<CampaignState> state,
    AwardsClock clock) : Grain, ICampaignGrain
{
    public Task<CampaignSnapshot?> GetAsync() => Task.FromResult(state.RecordExists ? Snapshot() : null);

    public async Task<CampaignSnapshot> CreateAsync(NewCampaign campaign, string actor)
    {
        if (state.RecordExists)
            throw new InvalidOperationException($"Campaign '{this.GetPrimaryKeyString()}' already exists.");
        var problems = campaign.Schedule.Problems().Concat(campaign.Settings.Problems()).ToList();
        if (!campaign.Name.IsComplete)
            problems.Add("The campaign needs a name in both Chinese and English.");
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems));

        state.State = new CampaignState
        {
            Name = campaign.Name,
            Description = campaign.Description,
            Schedule = campaign.Schedule,
            Settings = campaign.Settings,
            Phase = CampaignPhase.Draft,
        };
        state.State.AuditLog.Add(new AuditEntry(clock.UtcNow, actor, AuditActions.Created));
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).AddAsync(this.GetPrimaryKeyString());
        return Snapshot();
    }

    public async Task<PhaseChangeResult> AdvanceToAsync(CampaignPhase target, string actor)
    {
        EnsureExists();
        var decision = PhaseRules.Decide(state.State.Phase, target);
        if (decision != PhaseTransition.Advance)
            return new PhaseChangeResult(decision, state.State.Phase);

        state.State.Phase = target;
        state.State.AuditLog.Add(new AuditEntry(clock.UtcNow, actor, AuditActions.Phase(target)));
        await state.WriteStateAsync();
        return new PhaseChangeResult(PhaseTransition.Advance, target);
    }

    public async Task<PhaseChangeResult> CatchUpWithScheduleAsync(string actor)
    {
        EnsureExists();
        var due = state.State.Schedule!.PhaseAt(clock.UtcNow);
        var outcome = PhaseTransition.AlreadyDone;
        while (PhaseRules.Next(state.State.Phase) is { } next && next <= due)
        {
            state.State.Phase = next;
            state.State.AuditLog.Add(new AuditEntry(clock.UtcNow, actor, AuditActions.Phase(next)));
            outcome = PhaseTransition.Advance;
        }
        if (outcome == PhaseTransition.Advance)
            await state.WriteStateAsync();
        return new PhaseChangeResult(outcome, state.State.Phase);
    }

    public Task<IReadOnlyList<string>> LegacyNominationIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.NominationIds.ToList());

    public async Task ForgetLegacyNominationIdsAsync()
    {
        if (state.State.NominationIds.Count == 0)
            return;
        state.State.NominationIds.Clear();
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync() =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(state.State.AuditLog.ToList());

    private void EnsureExists()
    {
        if (!state.RecordExists)
            throw new InvalidOperationException($"Campaign '{this.GetPrimaryKeyString()}' does not exist.");
    }

    private CampaignSnapshot Snapshot() => new(
        this.GetPrimaryKeyString(), state.State.Name!, state.State.Description!, state.State.Schedule!,
        state.State.Settings!, state.State.Phase);
}

[GenerateSerializer, Alias("CitySpiritAwards.CampaignState")]
public sealed class CampaignState
{
    [Id(0)] public LocalizedText? Name { get; set; }
    [Id(1)] public LocalizedText? Description { get; set; }
    [Id(2)] public CampaignSchedule? Schedule { get; set; }
    [Id(3)] public CampaignSettings? Settings { get; set; }
    [Id(4)] public CampaignPhase Phase { get; set; }
    /// <summary>Only in campaigns stored before the nominations read table: every nomination id (see <see cref="ICampaignGrain.LegacyNominationIdsAsync"/>).</summary>
    [Id(5)] public List<string> NominationIds { get; set; } = [];
    [Id(6)] public List<AuditEntry> AuditLog { get; set; } = [];
}
