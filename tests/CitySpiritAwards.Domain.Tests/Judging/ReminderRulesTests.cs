using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Tests.Judging;

public sealed class ReminderRulesTests
{
    private static readonly DateTimeOffset Closes = new(2027, 5, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_day_is_a_Shanghai_day_whatever_the_offset_of_the_instant()
    {
        // 23:30 UTC on 30 April is already 07:30 on 1 May in Shanghai.
        Assert.Equal(new DateOnly(2027, 5, 1), ShanghaiTime.DayOf(new DateTimeOffset(2027, 4, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 4, 30), ShanghaiTime.DayOf(new DateTimeOffset(2027, 4, 30, 15, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Members_are_reminded_only_while_scoring_is_open_and_something_is_left()
    {
        var now = Closes.AddDays(-2);

        Assert.True(ReminderRules.IsDue(CampaignPhase.CommitteeScoring, Closes, now, unscored: 3));
        Assert.False(ReminderRules.IsDue(CampaignPhase.CommitteeScoring, Closes, now, unscored: 0));
        Assert.False(ReminderRules.IsDue(CampaignPhase.CommitteeScoring, Closes, Closes, unscored: 3));
        Assert.False(ReminderRules.IsDue(CampaignPhase.PublicVoting, Closes, now, unscored: 3));
    }

    [Fact]
    public void At_most_one_reminder_per_day()
    {
        var today = new DateOnly(2027, 4, 29);

        Assert.True(ReminderRules.MaySend([today.AddDays(-1)], today));
        Assert.False(ReminderRules.MaySend([today.AddDays(-1), today], today));
    }
}
