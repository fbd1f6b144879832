using CitySpiritAwards.Domain.Voting;

namespace CitySpiritAwards.Grains.Voting;

/// <summary>
/// The votes table: the one durable record of every vote (PostgreSQL in a cluster, a SQLite file when embedded).
/// Voter grains rebuild their ballot from it; receipts and tallies are read from it.
/// </summary>
public interface IVoteLedger
{
    /// <summary>
    /// Applies a batch of writes in one transaction and returns, for each write in order, the receipt of the vote it
    /// counted (null for a plain withdrawal). Re-applying a batch is harmless: a vote already stored for the same voter
    /// and entry keeps its first receipt (which is returned), a vote already withdrawn stays withdrawn, and the tallies
    /// change only by the rows that really changed.
    /// </summary>
    /// <param name="shard">The writer slot committing the batch; tallies are kept per slot so concurrent batches never wait for each other's counter rows.</param>
    Task<IReadOnlyList<string?>> CommitAsync(IReadOnlyList<VoteWrite> batch, int shard, CancellationToken cancellationToken);

    /// <summary>The voter's counted (not withdrawn) votes in a campaign.</summary>
    Task<IReadOnlyList<CastVote>> LoadBallotAsync(string campaignId, string voterId, CancellationToken cancellationToken);

    Task<StoredVote?> FindAsync(string receipt, CancellationToken cancellationToken);

    /// <summary>
    /// The voter's own votes in every campaign, withdrawn and held ones too, newest first, at most <paramref name="limit"/>
    /// ("my votes": only ever asked for the signed-in voter).
    /// </summary>
    Task<IReadOnlyList<StoredVote>> LoadVoterVotesAsync(string voterId, int limit, CancellationToken cancellationToken);

    /// <summary>Counted votes per entry (withdrawn votes and votes held for review do not count).</summary>
    Task<IReadOnlyList<EntryTally>> LoadTalliesAsync(string campaignId, CancellationToken cancellationToken);
}

/// <summary>One change to the votes table: a vote to store, a vote to withdraw, or both at once (moving a vote).</summary>
public sealed record VoteWrite(string CampaignId, string VoterId, NewVote? Cast, string? WithdrawReceipt);

public sealed record NewVote(string Receipt, string CategoryId, string EntryId, DateTimeOffset VotedAt, string Network);

public enum VoteStatus
{
    Counted,
    Withdrawn,
    /// <summary>Held aside by the fraud signals until an administrator clears it.</summary>
    HeldForReview,
}

/// <summary>A row of the votes table.</summary>
public sealed record StoredVote(
    string Receipt, string CampaignId, string VoterId, string CategoryId, string EntryId,
    DateTimeOffset VotedAt, DateTimeOffset? WithdrawnAt, bool Held)
{
    public VoteStatus Status => WithdrawnAt is not null ? VoteStatus.Withdrawn : Held ? VoteStatus.HeldForReview : VoteStatus.Counted;
}

public sealed record EntryTally(string CategoryId, string EntryId, long Votes);
