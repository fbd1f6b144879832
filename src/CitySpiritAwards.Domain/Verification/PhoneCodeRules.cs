using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Verification;

/// <summary>
/// The rules for the 6-digit codes sent to a mobile number: a code lasts 10 minutes; 5 wrong codes lock the number for
/// 30 minutes; a new code at most once a minute and 5 times a Shanghai calendar day per number. Pure decisions over
/// what a number's record says; the caller stores the record and sends the SMS.
/// </summary>
public static class PhoneCodeRules
{
    public const int CodeLength = 6;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public const int MaxWrongCodes = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);
    public const int MaxCodesPerDay = 5;

    /// <summary>Whether a new code may be sent now; when not, why and from when it may (null: not today).</summary>
    public static SendDecision MaySend(PhoneCodeRecord record, DateTimeOffset now)
    {
        if (record.LockedUntil is { } locked && locked > now)
            return SendDecision.Refused(PhoneCodeRefusals.Locked, locked);
        if (record.LastSentAt is { } last && now - last < ResendInterval)
            return SendDecision.Refused(PhoneCodeRefusals.TooSoon, last + ResendInterval);
        if (SentToday(record, now) >= MaxCodesPerDay)
            return SendDecision.Refused(PhoneCodeRefusals.DailyLimit, NextMidnight(now));
        return SendDecision.Allowed;
    }

    /// <summary>The record after a code was sent: the new code's hash, its expiry, today's count.</summary>
    public static PhoneCodeRecord Sent(PhoneCodeRecord record, string codeHash, DateTimeOffset now) => record with
    {
        CodeHash = codeHash,
        CodeExpiresAt = now + CodeLifetime,
        WrongCodes = 0,
        LastSentAt = now,
        SentDay = ShanghaiTime.DayOf(now),
        SentOnDay = SentToday(record, now) + 1,
    };

    /// <summary>Checks a typed code (by its hash) against the record: verified, wrong (and maybe now locked), expired, or locked.</summary>
    public static (CheckOutcome Outcome, PhoneCodeRecord Record) Check(PhoneCodeRecord record, string typedHash, DateTimeOffset now)
    {
        if (record.LockedUntil is { } locked && locked > now)
            return (CheckOutcome.Locked, record);
        if (record.CodeHash is null || record.CodeExpiresAt is not { } expires || expires <= now)
            return (CheckOutcome.Expired, record with { CodeHash = null, CodeExpiresAt = null });
        if (string.Equals(record.CodeHash, typedHash, StringComparison.Ordinal))
            return (CheckOutcome.Verified, record with { CodeHash = null, CodeExpiresAt = null, WrongCodes = 0 });
        var wrong = record.WrongCodes + 1;
        return wrong >= MaxWrongCodes
            ? (CheckOutcome.LockedNow, record with { CodeHash = null, CodeExpiresAt = null, WrongCodes = 0, LockedUntil = now + Lockout })
            : (CheckOutcome.Wrong, record with { WrongCodes = wrong });
    }

    /// <summary>Whether a typed code has the right shape (6 ASCII or full-width digits, spaces ignored); the digits, or null.</summary>
    public static string? NormalizeCode(string? typed)
    {
        if (typed is null)
            return null;
        var digits = string.Concat(typed.Where(c => !char.IsWhiteSpace(c))
            .Select(c => c is >= '\uFF10' and <= '\uFF19' ? (char)('0' + (c - '\uFF10')) : c));
        return digits.Length == CodeLength && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The Shanghai midnight after <paramref name="now"/>, when the daily count starts again.</summary>
    private static DateTimeOffset NextMidnight(DateTimeOffset now) =>
        new(ShanghaiTime.DayOf(now).AddDays(1).ToDateTime(TimeOnly.MinValue), ShanghaiTime.Offset);

    private static int SentToday(PhoneCodeRecord record, DateTimeOffset now) =>
        record.SentDay == ShanghaiTime.DayOf(now) ? record.SentOnDay : 0;
}

/// <summary>What is kept per mobile number between requests (never the code itself, only its keyed hash).</summary>
public sealed record PhoneCodeRecord
{
    public static readonly PhoneCodeRecord New = new();

    public string? CodeHash { get; init; }
    public DateTimeOffset? CodeExpiresAt { get; init; }
    public int WrongCodes { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public DateTimeOffset? LastSentAt { get; init; }
    public DateOnly? SentDay { get; init; }
    public int SentOnDay { get; init; }
}

public static class PhoneCodeRefusals
{
    public const string Locked = "phone-locked";
    public const string TooSoon = "code-too-soon";
    public const string DailyLimit = "code-daily-limit";
}

public sealed record SendDecision(string? Refusal, DateTimeOffset? RetryAt)
{
    public static readonly SendDecision Allowed = new(null, null);

    public static SendDecision Refused(string refusal, DateTimeOffset? retryAt) => new(refusal, retryAt);

    public bool IsAllowed => Refusal is null;
}

public enum CheckOutcome
{
    Verified,
    Wrong,
    Expired,
    Locked,
    /// <summary>This wrong code was the last one allowed: the number is locked from now.</summary>
    LockedNow,
}
