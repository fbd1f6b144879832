using CitySpiritAwards.Grains.Voting;

namespace CitySpiritAwards.Grains.Tallying;

/// <summary>What results read of the votes: each entry's counted votes (not withdrawn, not held for review).</summary>
public interface ICountedVotes
{
    Task<IReadOnlyDictionary<string, long>> LoadAsync(string campaignId, CancellationToken cancellationToken);
}

/// <summary>Counted votes from the tally table, which the votes ledger keeps equal to the counted rows of the votes table.</summary>
public sealed class LedgerCountedVotes(IVoteLedger ledger) : ICountedVotes
{
    public async Task<IReadOnlyDictionary<string, long>> LoadAsync(string campaignId, CancellationToken cancellationToken) =>
        (await ledger.LoadTalliesAsync(campaignId, cancellationToken))
            .GroupBy(t => t.EntryId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Votes), StringComparer.Ordinal);
}
