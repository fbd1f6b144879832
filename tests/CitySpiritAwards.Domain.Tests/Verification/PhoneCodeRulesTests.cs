using CitySpiritAwards.Domain.Verification;

namespace CitySpiritAwards.Domain.Tests.Verification;

public sealed class PhoneCodeRulesTests
{
    // 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2027, 3, 12, 2, 0, 0, TimeSpan.Zero);

    private static PhoneCodeRecord SentAt(DateTimeOffset at, PhoneCodeRecord? record = null) =>
        PhoneCodeRules.Sent(record ?? PhoneCodeRecord.New, "hash-of-123456", at);

    [Fact]
    public void The_right_code_within_ten_minutes_verifies_and_cannot_be_used_twice()
    {
        var record = SentAt(Now);

        var (outcome, after) = PhoneCodeRules.Check(record, "hash-of-123456", Now.AddMinutes(9).AddSeconds(59));

        Assert.Equal(CheckOutcome.Verified, outcome);
        Assert.Equal(CheckOutcome.Expired, PhoneCodeRules.Check(after, "hash-of-123456", Now.AddMinutes(10)).Outcome);
    }

    [Fact]
    public void A_code_expires_after_ten_minutes()
    {
        var (outcome, _) = PhoneCodeRules.Check(SentAt(Now), "hash-of-123456", Now.AddMinutes(10));
        Assert.Equal(CheckOutcome.Expired, outcome);
    }

    [Fact]
    public void Five_wrong_codes_lock_the_number_for_thirty_minutes_even_against_the_right_code()
    {
        var record = SentAt(Now);
        for (var i = 1; i <= 4; i++)
        {
            (var outcome, record) = PhoneCodeRules.Check(record, "wrong", Now.AddMinutes(1));
            Assert.Equal(CheckOutcome.Wrong, outcome);
            Assert.Equal(i, record.WrongCodes);
        }

        (var fifth, record) = PhoneCodeRules.Check(record, "wrong", Now.AddMinutes(2));

        Assert.Equal(CheckOutcome.LockedNow, fifth);
        Assert.Equal(Now.AddMinutes(32), record.LockedUntil);
        Assert.Equal(CheckOutcome.Locked, PhoneCodeRules.Check(record, "hash-of-123456", Now.AddMinutes(3)).Outcome);
        Assert.Equal(PhoneCodeRefusals.Locked, PhoneCodeRules.MaySend(record, Now.AddMinutes(31)).Refusal);
        Assert.True(PhoneCodeRules.MaySend(record, Now.AddMinutes(32)).IsAllowed);
    }

    [Fact]
    public void A_new_code_waits_a_minute_and_replaces_the_old_one()
    {
        var record = SentAt(Now);

        var tooSoon = PhoneCodeRules.MaySend(record, Now.AddSeconds(59));
        Assert.Equal(PhoneCodeRefusals.TooSoon, tooSoon.Refusal);
        Assert.Equal(Now.AddMinutes(1), tooSoon.RetryAt);
        Assert.True(PhoneCodeRules.MaySend(record, Now.AddMinutes(1)).IsAllowed);

        var second = PhoneCodeRules.Sent(record, "hash-of-654321", Now.AddMinutes(1));
        Assert.Equal(CheckOutcome.Wrong, PhoneCodeRules.Check(second, "hash-of-123456", Now.AddMinutes(2)).Outcome);
        Assert.Equal(CheckOutcome.Verified, PhoneCodeRules.Check(second, "hash-of-654321", Now.AddMinutes(2)).Outcome);
    }

    [Fact]
    public void Five_codes_a_Shanghai_day_then_none_until_Shanghai_midnight()
    {
        var record = PhoneCodeRecord.New;
        for (var i = 0; i < 5; i++)
            record = SentAt(Now.AddMinutes(2 * i), record);

        var refused = PhoneCodeRules.MaySend(record, Now.AddHours(13).AddMinutes(59)); // 23:59 in Shanghai

        Assert.Equal(PhoneCodeRefusals.DailyLimit, refused.Refusal);
        Assert.Equal(new DateTimeOffset(2027, 3, 13, 0, 0, 0, TimeSpan.FromHours(8)), refused.RetryAt);
        Assert.True(PhoneCodeRules.MaySend(record, Now.AddHours(14)).IsAllowed); // 00:00 the next day
    }

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("１２３４５６", "123456")]
    [InlineData("12345", null)]
    [InlineData("1234567", null)]
    [InlineData("12a456", null)]
    [InlineData(null, null)]
    public void Codes_are_six_digits(string? typed, string? expected) => Assert.Equal(expected, PhoneCodeRules.NormalizeCode(typed));

    [Theory]
    [InlineData(VerificationLevel.Email, VerificationLevel.Email, true)]
    [InlineData(VerificationLevel.Email, VerificationLevel.Phone, false)]
    [InlineData(VerificationLevel.Phone, VerificationLevel.Phone, true)]
    [InlineData(VerificationLevel.Phone, VerificationLevel.RealName, false)]
    [InlineData(VerificationLevel.RealName, VerificationLevel.Phone, true)]
    public void A_stronger_level_meets_a_weaker_one(VerificationLevel held, VerificationLevel required, bool meets) =>
        Assert.Equal(meets, held.Meets(required));

    [Fact]
    public void An_account_holds_its_strongest_proof()
    {
        Assert.Equal(VerificationLevel.Email, VerificationLevels.Of(phoneVerified: false, realName: false));
        Assert.Equal(VerificationLevel.Phone, VerificationLevels.Of(phoneVerified: true, realName: false));
        Assert.Equal(VerificationLevel.RealName, VerificationLevels.Of(phoneVerified: true, realName: true));
    }
}
