using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class SendingLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Day = ConsentEmailLimits.Window;

    [Fact]
    public void Under_the_limit_an_email_may_go()
    {
        var decision = SendingLimit.Decide([Now.AddHours(-3), Now.AddMinutes(-1)], Now, limit: 3, Day);

        Assert.Equal(new SendingDecision(true, null), decision);
    }

    [Fact]
    public void At_the_limit_the_next_email_may_go_when_the_oldest_counted_one_is_a_day_old()
    {
        var decision = SendingLimit.Decide([Now.AddMinutes(-1), Now.AddHours(-5), Now.AddHours(-3)], Now, limit: 3, Day);

        Assert.Equal(new SendingDecision(false, Now.AddHours(-5) + Day), decision);
    }

    [Fact]
    public void Sends_older_than_the_window_no_longer_count()
    {
        var decision = SendingLimit.Decide([Now - Day, Now.AddDays(-2), Now.AddHours(-1), Now.AddHours(-2)], Now, limit: 3, Day);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Over_the_limit_after_a_lower_limit_was_configured_the_wait_is_for_enough_sends_to_leave()
    {
        var sends = Enumerable.Range(1, 5).Select(h => Now.AddHours(-h)).ToList();

        var decision = SendingLimit.Decide(sends, Now, limit: 2, Day);

        Assert.Equal(Now.AddHours(-2) + Day, decision.AllowedFrom); // the 4th and 5th newest must leave first
    }
}
