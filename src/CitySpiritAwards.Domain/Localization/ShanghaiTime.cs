using System.Globalization;

namespace CitySpiritAwards.Domain.Localization;

/// <summary>
/// Every time people read, and every "per day" rule, is in Shanghai time. Shanghai keeps UTC+8 all year (China has no
/// daylight saving), so a fixed offset is exact whatever the server's time zone, and needs no time-zone database.
/// </summary>
public static class ShanghaiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The same instant on a Shanghai clock.</summary>
    public static DateTimeOffset Of(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The Shanghai calendar day of an instant: the unit of every "at most once a day".</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Of(at).DateTime);

    /// <summary>To the minute, as every page shows times: 2027-04-11 09:03.</summary>
    public static string Minute(DateTimeOffset at) => Of(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>To the second, for figures that change by the second: 09:03:27.</summary>
    public static string Clock(DateTimeOffset at) => Of(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A day: 2027-05-10.</summary>
    public static string Day(DateTimeOffset at) => Of(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
