using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Nominations;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class ConsentEmailQuotaGrainTests(EmbeddedClusterFixture fixture)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Racing_sends_to_one_address_get_exactly_the_limit_and_the_rest_learn_when_to_try_again()
    {
        var inbox = fixture.Grains.GetGrain<IConsentEmailQuotaGrain>(IConsentEmailQuotaGrain.ForAddress($"nominee-{Guid.NewGuid():N}@example.cn"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => inbox.TryTakeAsync(3, Day)));

        Assert.Equal(3, answers.Count(a => a.Granted));
        var granted = answers.Where(a => a.Granted).Select(a => a.TakenAt).ToList();
        Assert.All(answers.Where(a => !a.Granted), refused => Assert.Equal(granted.Min() + Day, refused.AllowedFrom));
        Assert.Equal(granted.Min() + Day, await inbox.NextFreeAsync(3, Day));
    }

    [Fact]
    public async Task A_send_given_back_can_be_taken_again()
    {
        var account = fixture.Grains.GetGrain<IConsentEmailQuotaGrain>(IConsentEmailQuotaGrain.ForAccount($"resident-{Guid.NewGuid():N}"));
        var first = await account.TryTakeAsync(1, Day);
        Assert.False((await account.TryTakeAsync(1, Day)).Granted);

        await account.GiveBackAsync(first.TakenAt);

        Assert.Null(await account.NextFreeAsync(1, Day));
        Assert.True((await account.TryTakeAsync(1, Day)).Granted);
    }

    [Fact]
    public void One_inbox_is_one_key_however_the_address_is_typed_and_the_key_does_not_spell_it_out()
    {
        var key = IConsentEmailQuotaGrain.ForAddress("lin.xiaomei@example.cn");

        Assert.Equal(key, IConsentEmailQuotaGrain.ForAddress(" Lin.Xiaomei@EXAMPLE.cn "));
        Assert.NotEqual(key, IConsentEmailQuotaGrain.ForAddress("lin.xiaohong@example.cn"));
        Assert.DoesNotContain("xiaomei", key);
    }
}
