using System.Collections.Concurrent;
using CitySpiritAwards.Grains.Voting;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Voting;

/// <summary>A campaign's counted votes per entry, as read from the tally table at <see cref="ReadAt"/>.</summary>
public sealed record TallySnapshot(DateTimeOffset ReadAt, IReadOnlyDictionary<string, long> VotesByEntry)
{
    public long VotesFor(string entryId) => VotesByEntry.GetValueOrDefault(entryId);
}

/// <summary>
/// Live tallies for pages and the API. The tally table is exact at every commit; this silo reads it at most once per
/// <see cref="VotingOptions.TallyRefresh"/> per campaign, however many people are watching, so reading tallies costs the
/// database nothing during a peak. Shown counts are therefore at most that old.
/// </summary>
public sealed class VoteTallies(IVoteLedger ledger, IOptions<VotingOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _campaigns = new(StringComparer.Ordinal);

    public Task<TallySnapshot> GetAsync(string campaignId)
    {
        var slot = _campaigns.GetOrAdd(campaignId, _ => new Slot());
        lock (slot)
        {
            var current = slot.Loading;
            if (current is not null && (!current.IsCompleted
                || (current.IsCompletedSuccessfully && Environment.TickCount64 - slot.LoadedAt < options.Value.TallyRefresh.TotalMilliseconds)))
                return current;
            slot.LoadedAt = Environment.TickCount64;
            slot.Loading = LoadAsync(campaignId);
            return slot.Loading;
        }
    }

    private async Task<TallySnapshot> LoadAsync(string campaignId)
    {
        var readAt = time.GetUtcNow();
        var tallies = await ledger.LoadTalliesAsync(campaignId, CancellationToken.None);
        return new TallySnapshot(readAt, tallies.ToDictionary(t => t.EntryId, t => t.Votes, StringComparer.Ordinal));
    }

    private sealed class Slot
    {
        public Task<TallySnapshot>? Loading;
        public long LoadedAt;
    }
}
