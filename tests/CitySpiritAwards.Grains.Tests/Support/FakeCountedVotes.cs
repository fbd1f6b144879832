using System.Collections.Concurrent;
using CitySpiritAwards.Grains.Tallying;

namespace CitySpiritAwards.Grains.Tests.Support;

/// <summary>
/// The counted votes the silo's results grains read, set by each test for its own campaign. A test may hold a campaign's
/// reads at a gate to have calls pile up while one is in progress, and counts how often the votes were read.
/// </summary>
public sealed class FakeCountedVotes : ICountedVotes
{
    public static FakeCountedVotes Instance { get; } = new();

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, long>> _votes = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _entered = new();
    private readonly ConcurrentDictionary<string, int> _reads = new();

    public void Set(string campaignId, IReadOnlyDictionary<string, long> votes) => _votes[campaignId] = votes;

    /// <summary>Makes the campaign's next reads wait until <see cref="Open"/>; the returned task completes when the first read has started.</summary>
    public Task Close(string campaignId)
    {
        _gates[campaignId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _entered.GetOrAdd(campaignId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    public void Open(string campaignId)
    {
        if (_gates.TryRemove(campaignId, out var gate))
            gate.SetResult();
    }

    public int ReadsOf(string campaignId) => _reads.GetValueOrDefault(campaignId);

    public async Task<IReadOnlyDictionary<string, long>> LoadAsync(string campaignId, CancellationToken cancellationToken)
    {
        _reads.AddOrUpdate(campaignId, 1, (_, n) => n + 1);
        if (_entered.TryGetValue(campaignId, out var entered))
            entered.TrySetResult();
        if (_gates.TryGetValue(campaignId, out var gate))
            await gate.Task;
        return _votes.GetValueOrDefault(campaignId) ?? new Dictionary<string, long>();
    }
}
