using System.Security.Cryptography;
using System.Text;

namespace CitySpiritAwards.Web.Fraud;

/// <summary>
/// The fraud review's side of the votes table (PostgreSQL in a cluster, the embedded SQLite file otherwise): what the
/// signals read, holding flagged votes and the administrators' decisions. Every change to <c>votes.held</c> adjusts
/// <c>vote_tallies</c> in the same transaction, so an entry's tally always equals its counted votes.
/// </summary>
public interface IVoteHolds
{
    /// <summary>
    /// Up to <paramref name="limit"/> of the campaign's votes cast after <paramref name="after"/> (by time, then receipt),
    /// withdrawn ones included (they were cast from their network all the same), oldest first.
    /// </summary>
    Task<IReadOnlyList<VoteEvent>> LoadVotesAsync(string campaignId, VotePosition after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records each account's first vote from each network among <paramref name="votes"/> (keeping an earlier one
    /// already recorded), so a scan ranks a network's accounts without reading all its votes. Idempotent.
    /// </summary>
    Task RecordFirstVotesAsync(string campaignId, IReadOnlyList<VoteEvent> votes, CancellationToken cancellationToken);

    /// <summary>
    /// What the signals of votes from these networks depend on (<c>FraudSignals.FlagAmong</c>): every vote from them
    /// since <paramref name="windowStart"/>, and each account's first vote from them.
    /// </summary>
    Task<IReadOnlyList<VoteEvent>> LoadEarlierVotesAsync(string campaignId, IReadOnlyCollection<string> networks, DateTimeOffset windowStart, CancellationToken cancellationToken);

    /// <summary>The time of the latest vote a scan of the campaign has read, or null before its first scan.</summary>
    Task<DateTimeOffset?> ScannedToAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Moves the campaign's scan mark to <paramref name="votedAt"/>, never back.</summary>
    Task MarkScannedToAsync(string campaignId, DateTimeOffset votedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records each hold and takes its vote out of the count, in one transaction. A vote that already has a hold row
    /// (waiting, cleared or confirmed) is left alone, so running this again, or on two silos at once, holds each vote
    /// once. A withdrawn vote gets its row but nothing else changes (it is not counted anyway).
    /// </summary>
    /// <returns>How many votes were newly taken out of the count.</returns>
    Task<int> HoldAsync(string campaignId, IReadOnlyList<NewHold> holds, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<HeldVote>> ListAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>
    /// Decides holds still waiting for review: cleared votes count again (held = false, tallies +1, same transaction),
    /// confirmed ones stay held. Holds already decided keep their first decision.
    /// </summary>
    Task<IReadOnlyList<DecisionResult>> DecideAsync(
        string campaignId, IReadOnlyList<string> holdIds, HoldDecision decision, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether the scan after voting closed has run for the campaign.</summary>
    Task<bool> FinalSweepDoneAsync(string campaignId, CancellationToken cancellationToken);

    Task MarkFinalSweepAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A vote as the signals see it: no entry.</summary>
public sealed record VoteEvent(string Receipt, string VoterId, DateTimeOffset VotedAt, string Network)
{
    public VotePosition Position => new(VotedAt, Receipt);
}

/// <summary>Where a vote stands in the order scans read votes in: by time, then receipt.</summary>
public sealed record VotePosition(DateTimeOffset VotedAt, string Receipt)
{
    /// <summary>Before every vote.</summary>
    public static VotePosition Start { get; } = new(DateTimeOffset.UnixEpoch, "");
}

public sealed class VotePositionOrder : IComparer<VotePosition>
{
    public static VotePositionOrder Instance { get; } = new();

    public int Compare(VotePosition? x, VotePosition? y) =>
        x is null || y is null ? Comparer<object>.Default.Compare(x, y)
        : x.VotedAt != y.VotedAt ? x.VotedAt.CompareTo(y.VotedAt)
        : string.CompareOrdinal(x.Receipt, y.Receipt);
}

/// <summary>Why one vote is held (the signals that flagged it, with what they measured).</summary>
public sealed record NewHold(string Receipt, int? BurstVotes, bool FreshAccount, int? NetworkAccounts, DateTimeOffset? AccountCreatedAt)
{
    public string HoldId => HoldIds.For(Receipt);
}

public enum HoldDecision
{
    Cleared,
    Confirmed,
}

/// <summary>A held vote as the review reads it. <see cref="CategoryId"/> is for totals per award only, never shown per vote; the entry is not read at all.</summary>
public sealed record HeldVote(
    string HoldId, string CategoryId, string VoterId, DateTimeOffset VotedAt, string Network, DateTimeOffset? AccountCreatedAt,
    DateTimeOffset HeldAt, int? BurstVotes, bool FreshAccount, int? NetworkAccounts,
    HoldDecision? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, bool Withdrawn);

/// <param name="Changed">This call decided it.</param>
/// <param name="Current">The decision that stands after the call; null with <paramref name="Exists"/> false for an unknown hold.</param>
public sealed record DecisionResult(string HoldId, bool Exists, bool Changed, HoldDecision? Current);

public static class HoldIds
{
    /// <summary>
    /// The id a hold is shown and decided by: the first 20 hex digits of the receipt's SHA-256. The same on every silo (two
    /// jobs at once write the same row), and a reviewer cannot turn it back into the receipt.
    /// </summary>
    public static string For(string receipt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(receipt)))[..20];

    internal static string Text(HoldDecision decision) => decision == HoldDecision.Cleared ? "cleared" : "confirmed";

    internal static HoldDecision? Parse(string? text) => text switch
    {
        "cleared" => HoldDecision.Cleared,
        "confirmed" => HoldDecision.Confirmed,
        _ => null,
    };
}
