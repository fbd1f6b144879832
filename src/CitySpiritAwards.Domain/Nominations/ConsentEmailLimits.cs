namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// How many consent emails the site sends, so that nobody can use it to flood an inbox (submitting and withdrawing a
/// nomination in a loop costs the nominator nothing, since withdrawn nominations do not count toward the quota).
/// Counted over any 24 hours: at most <see cref="PerAddress"/> to one address, whoever nominates, and at most
/// <see cref="PerAccount"/> for one nominator's account, whichever addresses. A nomination over a limit is still
/// stored; its email waits until the nominator sends it from My nominations once the limit allows.
/// </summary>
public static class ConsentEmailLimits
{
    /// <summary>A nominee named by several neighbours, or asked again after an edit, still gets a link each time in a normal day.</summary>
    public const int PerAddress = 3;

    /// <summary>Twice the default nominations per resident (5), leaving room for corrected addresses and edits.</summary>
    public const int PerAccount = 10;

    public static readonly TimeSpan Window = TimeSpan.FromDays(1);
}

/// <summary>Whether one more email may go now; when not, the first moment one may (the oldest counted send leaves the window).</summary>
public sealed record SendingDecision(bool Allowed, DateTimeOffset? AllowedFrom);

/// <summary>A sliding window: at most a limit of sends in any window of time.</summary>
public static class SendingLimit
{
    /// <param name="sentAt">When the earlier sends happened (any order; sends older than the window are ignored).</param>
    public static SendingDecision Decide(IEnumerable<DateTimeOffset> sentAt, DateTimeOffset now, int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var recent = sentAt.Where(t => t > now - window).Order().ToList();
        return recent.Count < limit ? new(true, null) : new(false, recent[recent.Count - limit] + window);
    }
}
