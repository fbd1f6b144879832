using CitySpiritAwards.Web.Identity;
using Microsoft.Extensions.Time.Testing;

namespace CitySpiritAwards.Web.Tests.Accounts;

public sealed class FailureCountsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_limit_refuses_for_a_whole_window_from_the_failure_that_reached_it_then_counting_starts_again()
    {
        var counts = new FailureCounts(TimeSpan.FromMinutes(15), limit: 3, _time);
        counts.Add("key");
        _time.Advance(TimeSpan.FromMinutes(10));
        counts.Add("key");
        Assert.Null(counts.RefusedFor("key"));

        _time.Advance(TimeSpan.FromMinutes(4));
        counts.Add("key");
        Assert.Equal(TimeSpan.FromMinutes(15), counts.RefusedFor("key"));

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(TimeSpan.FromMinutes(1), counts.RefusedFor("key"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(counts.RefusedFor("key"));
        Assert.False(counts.HasFailed("key"));

        counts.Add("key");
        Assert.True(counts.HasFailed("key"));
        Assert.Null(counts.RefusedFor("key"));
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten_and_a_cleared_key_starts_again()
    {
        var counts = new FailureCounts(TimeSpan.FromMinutes(10), limit: 2, _time);
        counts.Add("old");
        _time.Advance(TimeSpan.FromMinutes(10));
        counts.Add("old");
        Assert.Null(counts.RefusedFor("old"));

        counts.Add("cleared");
        counts.Clear("cleared");
        counts.Add("cleared");
        Assert.Null(counts.RefusedFor("cleared"));
        Assert.False(counts.HasFailed("other"));
    }
}
