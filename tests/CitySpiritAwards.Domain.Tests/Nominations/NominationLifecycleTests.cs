using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using static CitySpiritAwards.Domain.Campaigns.CampaignPhase;
using static CitySpiritAwards.Domain.Nominations.NominationStatus;

namespace CitySpiritAwards.Domain.Tests.Nominations;

/// <summary>Each row: the state and phase, then the outcome: the next state when allowed, else the refusal code.</summary>
public sealed class NominationLifecycleTests
{
    private const string Reason = "The story names a real company's customer.";

    public static TheoryData<CampaignPhase> AllPhases => new(Enum.GetValues<CampaignPhase>());

    public static TheoryData<NominationStatus> AllStatuses => new(Enum.GetValues<NominationStatus>());

    private static string Outcome(Decision<NominationStatus> decision) =>
        decision.IsAllowed ? decision.Next.ToString()! : decision.RefusalCode!;

    [Theory]
    [MemberData(nameof(AllPhases))]
    public void A_nomination_can_be_submitted_only_while_the_campaign_is_nominating(CampaignPhase phase)
    {
        Assert.Equal(phase == Nominating ? "Submitted" : "wrong-phase", Outcome(NominationLifecycle.Submit(phase)));
    }

    [Theory]
    [InlineData(Submitted, Nominating, "Submitted")]
    [InlineData(Submitted, Screening, "wrong-phase")]
    [InlineData(Submitted, PublicVoting, "wrong-phase")]
    [InlineData(ChangesRequested, Screening, "ChangesRequested")]
    [InlineData(ChangesRequested, CommitteeScoring, "wrong-phase")]
    [InlineData(Approved, Screening, "wrong-status")]
    [InlineData(Rejected, Screening, "wrong-status")]
    [InlineData(Withdrawn, Nominating, "wrong-status")]
    [InlineData(Merged, Screening, "wrong-status")]
    [InlineData(Hidden, Nominating, "wrong-status")]
    public void The_nominator_edits_an_open_nomination_while_nominating_or_when_sent_back(NominationStatus status, CampaignPhase phase, string outcome)
    {
        Assert.Equal(outcome, Outcome(NominationLifecycle.Edit(status, phase)));
    }

    [Theory]
    [InlineData(ChangesRequested, Screening, "Submitted")]
    [InlineData(ChangesRequested, CommitteeScoring, "wrong-phase")]
    [InlineData(Submitted, Screening, "already-done")]
    [InlineData(Approved, Screening, "wrong-status")]
    [InlineData(Rejected, Screening, "wrong-status")]
    [InlineData(Hidden, Screening, "wrong-status")]
    public void The_nominator_resubmits_after_changes_were_requested(NominationStatus status, CampaignPhase phase, string outcome)
    {
        Assert.Equal(outcome, Outcome(NominationLifecycle.Resubmit(status, phase)));
    }

    [Theory]
    [InlineData(Submitted, Nominating, "Withdrawn")]
    [InlineData(Submitted, Screening, "wrong-phase")]
    [InlineData(ChangesRequested, Screening, "wrong-phase")]
    [InlineData(Approved, Screening, "wrong-status")]
    [InlineData(Rejected, Screening, "wrong-status")]
    [InlineData(Merged, Screening, "wrong-status")]
    [InlineData(Hidden, Nominating, "wrong-status")]
    [InlineData(Withdrawn, Nominating, "already-done")]
    public void The_nominator_withdraws_only_before_screening_starts(NominationStatus status, CampaignPhase phase, string outcome)
    {
        Assert.Equal(outcome, Outcome(NominationLifecycle.Withdraw(status, phase)));
    }

    [Theory]
    [InlineData(Submitted, Screening, "Approved")]
    [InlineData(ChangesRequested, Screening, "Approved")]
    [InlineData(Submitted, Nominating, "wrong-phase")]
    [InlineData(Submitted, CommitteeScoring, "wrong-phase")]
    [InlineData(Approved, Screening, "already-done")]
    [InlineData(Rejected, Screening, "wrong-status")]
    [InlineData(Withdrawn, Screening, "wrong-status")]
    [InlineData(Merged, Screening, "wrong-status")]
    [InlineData(Hidden, Screening, "wrong-status")]
    public void A_moderator_approves_an_open_nomination_during_screening(NominationStatus status, CampaignPhase phase, string outcome)
    {
        Assert.Equal(outcome, Outcome(NominationLifecycle.Approve(status, phase)));
    }

    [Theory]
    [InlineData(Submitted, Screening, Reason, "Rejected")]
    [InlineData(ChangesRequested, Screening, Reason, "Rejected")]
    [InlineData(Submitted, Screening, "", "reason-required")]
    [InlineData(Submitted, Screening, "  ", "reason-required")]
    [InlineData(Submitted, Screening, null, "reason-required")]
    [InlineData(Submitted, Nominating, Reason, "wrong-phase")]
    [InlineData(Submitted, PublicVoting, null, "wrong-phase")]
    [InlineData(Approved, Screening, Reason, "wrong-status")]
    [InlineData(Rejected, Screening, Reason, "already-done")]
    [InlineData(Withdrawn, Screening, Reason, "wrong-status")]
    public void A_moderator_rejects_an_open_nomination_during_screening_with_a_reason(NominationStatus status, CampaignPhase phase, string? reason, string outcome)
    {
        Assert.Equal(outcome, Outcome(NominationLifecycle.Reject(status, phase, reason)));
    }

    [Theory]
    [InlineData(Submitted, Screening, "Please add when she started the classes.", "ChangesRequested")]
    [InlineData(Submitted, Screening, "", "reason-required")]
    [InlineData(Submitted, Nominating, "Please add dates.", "wrong-phase")]
    [InlineData(ChangesRequested, Screening, "Please add dates.", "already-done")]
    [InlineData(Approved, Screening, "Please add dates.", "wrong-status")]
    [InlineData(Rejected, Screening, "Please add dates.", "wrong-status")]
    public void A_moderator_sends_a_submitted_nomination_back_during_screening_saying_what_to_change(NominationStatus status, CampaignPhase phase, string note, string outcome)
    {
        Assert.Equal(outcome, Outcome(NominationLifecycle.RequestChanges(status, phase, note)));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void A_moderator_hides_abuse_from_any_state_in_any_phase(NominationStatus status)
    {
        Assert.Equal(status == Hidden ? "already-done" : "Hidden", Outcome(NominationLifecycle.Hide(status, "Insults the nominee.")));
        Assert.Equal(status == Hidden ? "already-done" : "reason-required", Outcome(NominationLifecycle.Hide(status, " ")));
    }

    [Theory]
    [InlineData(Submitted, Approved, Screening, "Merged")]
    [InlineData(ChangesRequested, Submitted, Screening, "Merged")]
    [InlineData(Approved, Approved, Screening, "Merged")]
    [InlineData(Submitted, Submitted, Nominating, "wrong-phase")]
    [InlineData(Submitted, Approved, CommitteeScoring, "wrong-phase")]
    [InlineData(Merged, Approved, Screening, "already-done")]
    [InlineData(Rejected, Approved, Screening, "wrong-status")]
    [InlineData(Withdrawn, Approved, Screening, "wrong-status")]
    [InlineData(Hidden, Approved, Screening, "wrong-status")]
    [InlineData(Submitted, Rejected, Screening, "target-not-mergeable")]
    [InlineData(Submitted, Withdrawn, Screening, "target-not-mergeable")]
    [InlineData(Submitted, Merged, Screening, "target-not-mergeable")]
    [InlineData(Submitted, Hidden, Screening, "target-not-mergeable")]
    public void A_moderator_merges_a_duplicate_into_a_live_nomination_during_screening(
        NominationStatus status, NominationStatus targetStatus, CampaignPhase phase, string outcome)
    {
        Assert.Equal(outcome, Outcome(NominationLifecycle.Merge("n-2", status, "n-1", targetStatus, phase)));
    }

    [Fact]
    public void A_nomination_cannot_be_merged_into_itself()
    {
        Assert.Equal("same-nomination", Outcome(NominationLifecycle.Merge("n-1", Submitted, "n-1", Submitted, Screening)));
    }

    [Theory]
    [MemberData(nameof(AllPhases))]
    public void Moderator_decisions_happen_only_during_screening_and_withdrawal_only_while_nominating(CampaignPhase phase)
    {
        Assert.Equal(phase == Screening, NominationLifecycle.Approve(Submitted, phase).IsAllowed);
        Assert.Equal(phase == Screening, NominationLifecycle.Reject(Submitted, phase, Reason).IsAllowed);
        Assert.Equal(phase == Screening, NominationLifecycle.RequestChanges(Submitted, phase, Reason).IsAllowed);
        Assert.Equal(phase == Screening, NominationLifecycle.Merge("n-2", Submitted, "n-1", Submitted, phase).IsAllowed);
        Assert.Equal(phase == Nominating, NominationLifecycle.Withdraw(Submitted, phase).IsAllowed);
        Assert.Equal(phase == Nominating, NominationLifecycle.Edit(Submitted, phase).IsAllowed);
    }

    [Fact]
    public void A_nomination_sent_back_is_edited_resubmitted_and_then_approved()
    {
        var status = NominationLifecycle.Submit(Nominating).Next!.Value;
        status = NominationLifecycle.RequestChanges(status, Screening, "Please add when the classes started.").Next!.Value;
        Assert.True(NominationLifecycle.Edit(status, Screening).IsAllowed);
        status = NominationLifecycle.Resubmit(status, Screening).Next!.Value;
        status = NominationLifecycle.Approve(status, Screening).Next!.Value;

        Assert.Equal(Approved, status);
        Assert.Equal("already-done", Outcome(NominationLifecycle.Approve(status, Screening)));
    }

    [Theory]
    [InlineData(Submitted, Nominating, "Hidden")]
    [InlineData(Submitted, Screening, "Approved ChangesRequested Rejected Hidden")]
    [InlineData(ChangesRequested, Screening, "Approved Rejected Hidden")]
    [InlineData(Approved, Screening, "Hidden")]
    [InlineData(Submitted, CommitteeScoring, "Hidden")]
    [InlineData(Hidden, Screening, "")]
    public void The_queue_offers_only_the_moves_the_rules_would_allow_now(NominationStatus status, CampaignPhase phase, string offered)
    {
        var moves = NominationLifecycle.ModerationMoves(status, phase);

        Assert.Equal(offered, string.Join(' ', moves));
        Assert.All(moves, move => Assert.True(move switch
        {
            Approved => NominationLifecycle.Approve(status, phase).IsAllowed,
            ChangesRequested => NominationLifecycle.RequestChanges(status, phase, Reason).IsAllowed,
            Rejected => NominationLifecycle.Reject(status, phase, Reason).IsAllowed,
            _ => NominationLifecycle.Hide(status, Reason).IsAllowed,
        }));
    }

    [Theory]
    [InlineData(Submitted, Screening, true)]
    [InlineData(Approved, Screening, true)]
    [InlineData(Submitted, Nominating, false)]
    [InlineData(Rejected, Screening, false)]
    [InlineData(Merged, Screening, false)]
    public void Merging_is_offered_for_a_live_nomination_during_screening(NominationStatus status, CampaignPhase phase, bool offered) =>
        Assert.Equal(offered, NominationLifecycle.CanMerge(status, phase));
}
