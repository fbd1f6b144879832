using CitySpiritAwards.Domain.Nominations;
using static CitySpiritAwards.Domain.Nominations.NomineeConsent;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class ConsentLifecycleTests
{
    private static string Outcome(NomineeConsent current, string action)
    {
        var decision = action switch
        {
            "give" => ConsentLifecycle.Give(current),
            "decline" => ConsentLifecycle.Decline(current),
            "withdraw" => ConsentLifecycle.Withdraw(current),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        return decision.IsAllowed ? decision.Next.ToString()! : decision.RefusalCode!;
    }

    [Theory]
    [InlineData(Pending, "give", "Given")]
    [InlineData(Pending, "decline", "Declined")]
    [InlineData(Pending, "withdraw", "wrong-status")]
    [InlineData(Given, "withdraw", "Withdrawn")]
    [InlineData(Given, "give", "already-done")]
    [InlineData(Given, "decline", "wrong-status")]
    [InlineData(Declined, "give", "wrong-status")]
    [InlineData(Declined, "withdraw", "wrong-status")]
    [InlineData(Declined, "decline", "already-done")]
    [InlineData(Withdrawn, "give", "wrong-status")]
    [InlineData(Withdrawn, "decline", "wrong-status")]
    [InlineData(Withdrawn, "withdraw", "already-done")]
    public void Consent_moves_from_pending_to_given_or_declined_and_from_given_to_withdrawn(NomineeConsent current, string action, string outcome)
    {
        Assert.Equal(outcome, Outcome(current, action));
    }

    [Theory]
    [InlineData(Declined)]
    [InlineData(Withdrawn)]
    public void Declined_and_withdrawn_are_final_nothing_leads_anywhere_else(NomineeConsent current)
    {
        Assert.True(ConsentLifecycle.IsFinal(current));
        Assert.All(new[] { "give", "decline", "withdraw" }, action =>
            Assert.Contains(Outcome(current, action), new[] { "wrong-status", "already-done" }));
    }

    [Fact]
    public void Pending_and_given_are_not_final()
    {
        Assert.False(ConsentLifecycle.IsFinal(Pending));
        Assert.False(ConsentLifecycle.IsFinal(Given));
    }
}
