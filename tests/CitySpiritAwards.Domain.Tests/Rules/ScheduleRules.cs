using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Tests.Rules;

public sealed class ScheduleRules
{
    private static readonly DateTimeOffset Launch = new(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)); // "310" 海派文化日

    private static CampaignSchedule Weekly() => new(
        CampaignSchedule.ScheduledPhases.Select((phase, i) => new PhaseWindow(phase, Launch.AddDays(7 * i))).ToList());

    [Fact]
    public void Before_nominations_open_the_campaign_is_a_draft()
    {
        Assert.Equal(CampaignPhase.Draft, Weekly().PhaseAt(Launch.AddSeconds(-1)));
    }

    [Fact]
    public void A_phase_starts_exactly_at_its_time()
    {
        Assert.Equal(CampaignPhase.Nominating, Weekly().PhaseAt(Launch));
        Assert.Equal(CampaignPhase.Screening, Weekly().PhaseAt(Launch.AddDays(7)));
        Assert.Equal(CampaignPhase.Nominating, Weekly().PhaseAt(Launch.AddDays(7).AddTicks(-1)));
    }

    [Fact]
    public void After_the_last_start_the_results_are_published()
    {
        Assert.Equal(CampaignPhase.Published, Weekly().PhaseAt(Launch.AddYears(1)));
        Assert.Null(Weekly().NextChangeAfter(Launch.AddYears(1)));
    }

    [Fact]
    public void The_next_change_is_the_next_phase_start()
    {
        var next = Weekly().NextChangeAfter(Launch.AddDays(1));

        Assert.Equal(new PhaseWindow(CampaignPhase.Screening, Launch.AddDays(7)), next);
    }

    [Fact]
    public void A_weekly_schedule_is_valid()
    {
        Assert.Empty(Weekly().Problems());
    }

    [Fact]
    public void A_phase_starting_before_the_one_it_follows_is_a_problem()
    {
        var phases = Weekly().Phases.Select(w => w.Phase == CampaignPhase.PublicVoting ? w with { StartsAt = Launch } : w).ToList();

        var problems = new CampaignSchedule(phases).Problems();

        Assert.Contains("PublicVoting must start after CommitteeScoring.", problems);
    }

    [Fact]
    public void Draft_has_no_start_time_and_a_number_that_is_no_phase_cannot_be_scheduled()
    {
        var phases = Weekly().Phases
            .Append(new PhaseWindow(CampaignPhase.Draft, Launch.AddDays(-7)))
            .Append(new PhaseWindow((CampaignPhase)99, Launch.AddYears(1)))
            .ToList();

        Assert.Equal(["Only Nominating to Published have start times, not: Draft, 99."], new CampaignSchedule(phases).Problems());
    }

    [Fact]
    public void A_phase_scheduled_twice_is_a_problem()
    {
        var phases = Weekly().Phases.Append(new PhaseWindow(CampaignPhase.Published, Launch.AddYears(1))).ToList();

        Assert.Contains("A phase is scheduled twice.", new CampaignSchedule(phases).Problems());
    }

    [Fact]
    public void The_next_change_at_a_boundary_is_the_one_after_it()
    {
        var next = Weekly().NextChangeAfter(Launch.AddDays(7));

        Assert.Equal(new PhaseWindow(CampaignPhase.CommitteeScoring, Launch.AddDays(14)), next);
    }

    [Fact]
    public void A_missing_phase_is_named()
    {
        var phases = Weekly().Phases.Where(w => w.Phase != CampaignPhase.Tallying).ToList();

        Assert.Contains("No start time for: Tallying.", new CampaignSchedule(phases).Problems());
    }
}
