using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Tests.Rules;

public sealed class PhaseTransitionRules
{
    [Fact]
    public void The_next_phase_follows_the_campaign_order()
    {
        Assert.Equal(CampaignPhase.Nominating, PhaseRules.Next(CampaignPhase.Draft));
        Assert.Equal(CampaignPhase.Published, PhaseRules.Next(CampaignPhase.Tallying));
        Assert.Null(PhaseRules.Next(CampaignPhase.Published));
    }

    [Fact]
    public void Moving_one_phase_forward_advances()
    {
        Assert.Equal(PhaseTransition.Advance, PhaseRules.Decide(CampaignPhase.Screening, CampaignPhase.CommitteeScoring));
    }

    [Theory]
    [InlineData(CampaignPhase.Screening, CampaignPhase.Screening)]
    [InlineData(CampaignPhase.PublicVoting, CampaignPhase.Nominating)]
    public void Asking_for_a_phase_already_reached_is_already_done(CampaignPhase current, CampaignPhase target)
    {
        Assert.Equal(PhaseTransition.AlreadyDone, PhaseRules.Decide(current, target));
    }

    [Fact]
    public void A_transition_applied_once_is_already_done_the_second_time()
    {
        var phase = CampaignPhase.Nominating;
        if (PhaseRules.Decide(phase, CampaignPhase.Screening) == PhaseTransition.Advance)
            phase = CampaignPhase.Screening;

        Assert.Equal(PhaseTransition.AlreadyDone, PhaseRules.Decide(phase, CampaignPhase.Screening));
    }

    [Fact]
    public void Phases_cannot_be_skipped()
    {
        Assert.Equal(PhaseTransition.SkipNotAllowed, PhaseRules.Decide(CampaignPhase.Nominating, CampaignPhase.PublicVoting));
    }

    [Fact]
    public void A_number_that_is_no_phase_is_refused_even_one_step_after_Published()
    {
        Assert.Equal(PhaseTransition.SkipNotAllowed, PhaseRules.Decide(CampaignPhase.Published, (CampaignPhase)7));
        Assert.Equal(PhaseTransition.SkipNotAllowed, PhaseRules.Decide(CampaignPhase.Draft, (CampaignPhase)(-1)));
    }

    [Fact]
    public void Every_phase_advances_to_the_next_and_nowhere_else()
    {
        foreach (var phase in Enum.GetValues<CampaignPhase>().Where(p => p != CampaignPhase.Published))
        {
            Assert.Equal(PhaseTransition.Advance, PhaseRules.Decide(phase, PhaseRules.Next(phase)!.Value));
            Assert.Equal(PhaseTransition.AlreadyDone, PhaseRules.Decide(PhaseRules.Next(phase)!.Value, phase));
        }
    }

    [Fact]
    public void Default_settings_are_valid_and_weights_must_total_100()
    {
        Assert.Empty(CampaignSettings.Default.Problems());
        Assert.Contains("Committee and public weights must be 0-100% and add up to 100%.",
            (CampaignSettings.Default with { PublicWeightPercent = 40 }).Problems());
    }
}
