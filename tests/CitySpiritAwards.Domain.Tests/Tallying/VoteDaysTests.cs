using CitySpiritAwards.Domain.Tallying;

namespace CitySpiritAwards.Domain.Tests.Tallying;

public sealed class VoteDaysTests
{
    private static DateTimeOffset Utc(int day, int hour) => new(2027, 5, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hours_fold_into_Shanghai_calendar_days_which_start_at_16_00_UTC()
    {
        var hours = new[]
        {
            new HourlyVotes("wisdom", "w-1", Utc(1, 15), 3, 0, 1),  // 23:00 in Shanghai on 1 May
            new HourlyVotes("wisdom", "w-1", Utc(1, 16), 2, 1, 0),  // midnight in Shanghai: 2 May
            new HourlyVotes("wisdom", "w-1", Utc(2, 3), 4, 0, 0),   // 11:00 on 2 May
            new HourlyVotes("excellence", "e-1", Utc(1, 1), 5, 0, 0),
        };

        var days = VoteDays.Fold(hours);

        Assert.Equal(
        [
            new DailyVotes(new DateOnly(2027, 5, 1), "excellence", "e-1", 5, 0, 0),
            new DailyVotes(new DateOnly(2027, 5, 1), "wisdom", "w-1", 3, 0, 1),
            new DailyVotes(new DateOnly(2027, 5, 2), "wisdom", "w-1", 6, 1, 0),
        ], days);
    }
}
