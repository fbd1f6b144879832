using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Tallying;

/// <summary>Votes cast for one entry within one hour (UTC), as the votes table sums them.</summary>
public sealed record HourlyVotes(string CategoryId, string EntryId, DateTimeOffset HourUtc, long Counted, long Held, long Withdrawn);

/// <summary>Votes cast for one entry on one Shanghai calendar day: counted, held for review, withdrawn. No voter in it.</summary>
public sealed record DailyVotes(DateOnly Day, string CategoryId, string EntryId, long Counted, long Held, long Withdrawn);

/// <summary>
/// The anonymised vote export's rows: hourly sums folded into Shanghai calendar days (midnight to midnight UTC+8, the day
/// <see cref="ShanghaiTime.DayOf"/> uses), ordered by day, category and entry.
/// </summary>
public static class VoteDays
{
    public static IReadOnlyList<DailyVotes> Fold(IEnumerable<HourlyVotes> hours) =>
        hours.GroupBy(h => (Day: ShanghaiTime.DayOf(h.HourUtc), h.CategoryId, h.EntryId))
            .Select(g => new DailyVotes(g.Key.Day, g.Key.CategoryId, g.Key.EntryId, g.Sum(h => h.Counted), g.Sum(h => h.Held), g.Sum(h => h.Withdrawn)))
            .OrderBy(d => d.Day)
            .ThenBy(d => d.CategoryId, StringComparer.Ordinal)
            .ThenBy(d => d.EntryId, StringComparer.Ordinal)
            .ToList();
}
