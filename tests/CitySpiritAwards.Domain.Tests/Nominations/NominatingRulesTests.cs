using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class NominatingRulesTests
{
    private static readonly DateTimeOffset Opens = new(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static CampaignSchedule Weekly() => new(
        CampaignSchedule.ScheduledPhases.Select((phase, i) => new PhaseWindow(phase, Opens.AddDays(7 * i))).ToList());

    [Fact]
    public void Nominating_is_open_only_in_the_Nominating_phase()
    {
        Assert.Equal([CampaignPhase.Nominating], Enum.GetValues<CampaignPhase>().Where(NominatingRules.IsOpen));
    }

    [Fact]
    public void Before_it_opens_the_opening_time_is_known()
    {
        Assert.Equal(Opens, NominatingRules.OpensAt(CampaignPhase.Draft, Weekly()));
    }

    [Theory]
    [InlineData(CampaignPhase.Nominating)]
    [InlineData(CampaignPhase.Screening)]
    [InlineData(CampaignPhase.Published)]
    public void Once_it_has_opened_there_is_no_opening_time_to_show(CampaignPhase phase)
    {
        Assert.Null(NominatingRules.OpensAt(phase, Weekly()));
    }

    [Fact]
    public void Submitting_is_allowed_exactly_while_nominating_is_open()
    {
        foreach (var phase in Enum.GetValues<CampaignPhase>())
            Assert.Equal(NominatingRules.IsOpen(phase), NominationLifecycle.Submit(phase).IsAllowed);
    }
}
