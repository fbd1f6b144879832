namespace CitySpiritAwards.Grains.Time;

/// <summary>
/// The clock campaign rules read (phase times, audit entries), kept apart from the silo's own
/// <see cref="TimeProvider"/>: tests move this one days ahead without making Orleans itself think
/// that days have passed (which would expire messages and declare silos dead).
/// </summary>
public sealed class AwardsClock(TimeProvider time)
{
    public static AwardsClock System { get; } = new(TimeProvider.System);

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
