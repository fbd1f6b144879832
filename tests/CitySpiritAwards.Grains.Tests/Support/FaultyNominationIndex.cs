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
    private readonly ConcurrentDictionary<string, int> _entryReads = new();

    /// <summary>How many times a category's entries in judging were read (what a top-up of its assignment costs).</summary>
    public int EntryReadsOf(string campaignId, string categoryId) => _entryReads.GetValueOrDefault($"{campaignId}/{categoryId}");

    public void FailRowWritesOf(string nominationId) => _failing[nominationId] = true;

    public void Heal(string nominationId) => _failing.TryRemove(nominationId, out _);

    public Task MarkPendingAsync(string nominationId, CancellationToken cancellationToken = default) =>
        inner.MarkPendingAsync(nominationId, cancellationToken);

    public Task WriteAsync(NominationRow row, CancellationToken cancellationToken = default) =>
        _failing.ContainsKey(row.Id) ? throw new IOException($"The read table is unreachable for {row.Id} (as the test asked).") : inner.WriteAsync(row, cancellationToken);

    public Task ForgetPendingAsync(string nominationId, CancellationToken cancellationToken = default) =>
        inner.ForgetPendingAsync(nominationId, cancellationToken);

    public Task<IReadOnlyList<EntryInJudging>> EntriesInJudgingAsync(string campaignId, string categoryId, CancellationToken cancellationToken = default)
    {
        _entryReads.AddOrUpdate($"{campaignId}/{categoryId}", 1, (_, reads) => reads + 1);
        return inner.EntriesInJudgingAsync(campaignId, categoryId, cancellationToken);
    }

    public Task<EntriesInJudgingMark> EntriesInJudgingMarkAsync(string campaignId, string categoryId, CancellationToken cancellationToken = default) =>
        inner.EntriesInJudgingMarkAsync(campaignId, categoryId, cancellationToken);
}
