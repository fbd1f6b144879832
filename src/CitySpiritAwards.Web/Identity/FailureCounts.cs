using System.Collections.Concurrent;

namespace CitySpiritAwards.Web.Identity;

/// <summary>
/// Failed attempts per key in fixed windows, in memory. A key that reaches its limit is refused for a whole window from the
/// failure that reached it; then it starts again from nothing. At most <see cref="MaxKeys"/> keys are held: past that, expired
/// ones are dropped first and, while it stays full, new keys are not counted (the other limits still hold).
/// </summary>
public sealed class FailureCounts(TimeSpan window, int limit, TimeProvider time)
{
    public const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, Count> _counts = new(StringComparer.Ordinal);
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    private readonly record struct Count(DateTimeOffset Since, int Failures);

    /// <summary>How long <paramref name="key"/> is still refused, or null when it is not.</summary>
    public TimeSpan? RefusedFor(string key)
    {
        var now = time.GetUtcNow();
        if (!_counts.TryGetValue(key, out var count) || count.Failures < limit || now - count.Since >= window)
            return null;
        return count.Since + window - now;
    }

    /// <summary>Whether <paramref name="key"/> has a failure in its current window.</summary>
    public bool HasFailed(string key) => _counts.TryGetValue(key, out var count) && time.GetUtcNow() - count.Since < window;

    public void Add(string key)
    {
        var now = time.GetUtcNow();
        if (_counts.Count >= MaxKeys && !_counts.ContainsKey(key) && !Prune(now))
            return;
        _counts.AddOrUpdate(key, _ => new Count(now, 1), (_, count) =>
            now - count.Since >= window ? new Count(now, 1)
            : count.Failures + 1 == limit ? new Count(now, limit) // the refusal lasts a whole window from here
            : count with { Failures = count.Failures + 1 });
    }

    public void Clear(string key) => _counts.TryRemove(key, out _);

    /// <summary>Drops expired keys (at most once a minute); true when there is room again.</summary>
    private bool Prune(DateTimeOffset now)
    {
        if (now - _lastPrune >= TimeSpan.FromMinutes(1))
        {
            _lastPrune = now;
            foreach (var (key, count) in _counts)
            {
                if (now - count.Since >= window)
                    _counts.TryRemove(key, out _);
            }
        }
        return _counts.Count < MaxKeys;
    }
}
