using CitySpiritAwards.Domain.Campaigns;
using static CitySpiritAwards.Domain.Campaigns.CampaignPhase;

namespace CitySpiritAwards.Domain.Tests.Rules;

public sealed class CampaignLineupTests
{
    private static readonly DateTimeOffset Year2026 = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A campaign whose schedule starts (Nominating) in the given year, phases a month apart.</summary>
    private static CampaignOnShow Campaign(string id, CampaignPhase phase, int year) => new(id, phase, new CampaignSchedule(
        CampaignSchedule.ScheduledPhases.Select((p, i) => new PhaseWindow(p, Year2026.AddYears(year - 2026).AddMonths(i))).ToList()));

    [Fact]
    public void A_campaign_created_later_never_takes_over_the_one_taking_nominations()
    {
        var lastYear = Campaign("2026", Published, 2026);
        var thisYear = Campaign("2027", Nominating, 2027);
        var nextYear = Campaign("2028", Draft, 2028);
        var test = Campaign("test", Draft, 2030);

        var order = CampaignLineup.Order([test, nextYear, lastYear, thisYear]).Select(c => c.Id);

        Assert.Equal(["2027", "2028", "test", "2026"], order);
        Assert.Equal("2027", CampaignLineup.ForArea("gallery", [nextYear, thisYear, lastYear]));
        Assert.Equal("2027", CampaignLineup.ForArea("moderation", [nextYear, thisYear, lastYear]));
        Assert.Equal("2026", CampaignLineup.ForArea("results", [nextYear, thisYear, lastYear]));
        Assert.Equal("2027", CampaignLineup.ForArea("committee", [nextYear, thisYear, lastYear])); // none scoring: the first open one
    }

    [Fact]
    public void Each_menu_goes_to_the_campaign_whose_phase_it_serves()
    {
        var screening = Campaign("a", Screening, 2027);
        var scoring = Campaign("b", CommitteeScoring, 2026);
        var voting = Campaign("c", PublicVoting, 2025);

        Assert.Equal("a", CampaignLineup.ForArea("moderation", [voting, scoring, screening]));
        Assert.Equal("b", CampaignLineup.ForArea("chair", [voting, scoring, screening]));
        Assert.Equal("b", CampaignLineup.ForArea("committee", [voting, scoring, screening]));
        Assert.Equal("a", CampaignLineup.ForArea("gallery", [voting, scoring, screening])); // its phase started last
    }

    [Fact]
    public void Drafts_are_never_a_menus_destination()
    {
        Assert.Null(CampaignLineup.ForArea("gallery", [Campaign("draft", Draft, 2027)]));
        Assert.Equal(CampaignStanding.Upcoming, CampaignLineup.StandingOf(Draft));
        Assert.Equal(CampaignStanding.Open, CampaignLineup.StandingOf(CampaignPhase.Tallying));
        Assert.Equal(CampaignStanding.Past, CampaignLineup.StandingOf(Published));
    }
}
