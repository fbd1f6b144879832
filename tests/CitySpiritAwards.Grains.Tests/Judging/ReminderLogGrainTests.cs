using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Judging;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class ReminderLogGrainTests(EmbeddedClusterFixture fixture)
{
    [Fact]
    public async Task Of_many_racing_claims_for_one_day_exactly_one_wins_and_it_survives_deactivation()
    {
        var log = fixture.Grains.GetGrain<IReminderLogGrain>(JudgingKeys.For(TestData.UniqueId("campaign"), "member-1"));
        var day = new DateOnly(2027, 4, 20);

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => log.TryClaimAsync(day)));
        await fixture.DeactivateAsync(log);

        Assert.Equal(1, claims.Count(c => c));
        Assert.False(await log.TryClaimAsync(day));
        Assert.True(await log.TryClaimAsync(day.AddDays(1)));
    }

    [Fact]
    public async Task A_released_claim_may_be_taken_again_the_same_day()
    {
        var log = fixture.Grains.GetGrain<IReminderLogGrain>(JudgingKeys.For(TestData.UniqueId("campaign"), "member-1"));
        var day = new DateOnly(2027, 4, 20);

        Assert.True(await log.TryClaimAsync(day));
        await log.ReleaseAsync(day);

        Assert.True(await log.TryClaimAsync(day));
    }
}
