using System.Collections.Concurrent;
using CitySpiritAwards.Grains.Nominations;

namespace CitySpiritAwards.Grains.Tests.Support;

/// <summary>
/// The real read-table writer, with a switch: while a nomination's row writes are made to fail, its grain's state is
/// stored and its row is not, exactly what a crash between the two writes leaves behind.
/// </summary>
public sealed class FaultyNominationIndex(INominationIndex inner) : INominationIndex
{
    private readonly ConcurrentDictionary<string, bool> _failing = new();

    public void FailRowWritesOf(string nominationId) => _failing[nominationId] = true;

    public void Heal(string nominationId) => _failing.TryRemove(nominationId, out _);

    public Task MarkPendingAsync(string nominationId, CancellationToken cancellationToken = default) =>
        inner.MarkPendingAsync(nominationId, cancellationToken);

    public Task WriteAsync(NominationRow row, CancellationToken cancellationToken = default) =>
        _failing.ContainsKey(row.Id) ? throw new IOException($"The read table is unreachable for {row.Id} (as the test asked).") : inner.WriteAsync(row, cancellationToken);

    public Task ForgetPendingAsync(string nominationId, CancellationToken cancellationToken = default) =>
        inner.ForgetPendingAsync(nominationId, cancellationToken);

    public Task<IReadOnlyList<EntryInJudging>> EntriesInJudgingAsync(string campaignId, string categoryId, CancellationToken cancellationToken = default) =>
        inner.EntriesInJudgingAsync(campaignId, categoryId, cancellationToken);
}
