using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Judging;

public sealed class PanelGrain(
    [PersistentState("panel", StorageNames.Awards)] IPersistentState<PanelState> state,
    AwardsClock clock) : Grain, IPanelGrain
{
    public Task<IReadOnlyList<PanelSeat>> GetMembersAsync() => Task.FromResult<IReadOnlyList<PanelSeat>>(state.State.Members.ToList());

    public async Task<JudgingOutcome> AddAsync(PanelSeat seat, string actor)
    {
        if (state.State.Members.Any(m => m.MemberId == seat.MemberId))
            return JudgingOutcome.Refused(JudgingRefusals.AlreadyOnPanel);
        if (await PhaseAsync() is not { } phase)
            return JudgingOutcome.Refused(JudgingRefusals.NotFound);
        if (AssignmentRules.Join(phase) is { } refusal)
            return JudgingOutcome.Refused(refusal);
        state.State.Members.Add(seat);
        state.State.History.Add(new AuditEntry(clock.UtcNow, actor, $"added {seat.MemberId}"));
        await state.WriteStateAsync();
        return JudgingOutcome.Done(seat.MemberId);
    }

    public async Task<JudgingOutcome> RemoveAsync(string memberId, string actor)
    {
        if (state.State.Members.All(m => m.MemberId != memberId))
            return JudgingOutcome.Refused(JudgingRefusals.NotOnPanel);
        if (await PhaseAsync() is not { } phase)
            return JudgingOutcome.Refused(JudgingRefusals.NotFound);
        if (AssignmentRules.Leave(phase) is { } refusal)
            return JudgingOutcome.Refused(refusal);
        state.State.Members.RemoveAll(m => m.MemberId == memberId);
        state.State.History.Add(new AuditEntry(clock.UtcNow, actor, $"removed {memberId}"));
        await state.WriteStateAsync();
        return JudgingOutcome.Done(memberId);
    }

    private async Task<CampaignPhase?> PhaseAsync() =>
        (await GrainFactory.GetGrain<ICampaignGrain>(JudgingKeys.Split(this.GetPrimaryKeyString()).CampaignId).GetAsync())?.Phase;
}

[GenerateSerializer, Alias("CitySpiritAwards.PanelState")]
public sealed class PanelState
{
    [Id(0)] public List<PanelSeat> Members { get; set; } = [];
    [Id(1)] public List<AuditEntry> History { get; set; } = [];
}
