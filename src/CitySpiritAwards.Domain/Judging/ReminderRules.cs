using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Judging;

/// <summary>
/// When a committee member is reminded of entries they have not submitted: only while scoring is open, only if
/// something is left to score, and at most once per Shanghai calendar day (a day runs midnight to midnight UTC+8,
/// the committee's own day, whatever the server's time zone).
/// </summary>
public static class ReminderRules
{
    /// <summary>Whether a member with <paramref name="unscored"/> entries left should be reminded now (the once-a-day check is separate).</summary>
    public static bool IsDue(CampaignPhase phase, DateTimeOffset? closesAt, DateTimeOffset now, int unscored) =>
        phase == CampaignPhase.CommitteeScoring && unscored > 0 && (closesAt is not { } closes || now < closes);

    /// <summary>Whether a reminder may go out on <paramref name="today"/>, given the days one already went out.</summary>
    public static bool MaySend(IEnumerable<DateOnly> sentOn, DateOnly today) => !sentOn.Contains(today);
}
