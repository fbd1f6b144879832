using System.Security.Cryptography;
using System.Text;
using CitySpiritAwards.Domain.Tallying;

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

    /// <summary>The campaign's holds counted per signal and network (a vote two signals flagged counts in both), counted in SQL.</summary>
    Task<IReadOnlyList<HoldGroup>> GroupsAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>The campaign's holds counted per award (totals only: never per entry).</summary>
    Task<IReadOnlyList<AwardHolds>> TotalsByAwardAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>
    /// Decides every waiting hold of one signal, from one network or (null) from all, in one transaction under the
    /// campaign's review lock — only if there are at least <paramref name="minimumGroup"/> of them (<c>HoldReview</c>).
    /// Cleared votes count again (held = false, tallies +1, same transaction); confirmed ones stay held. Holds already
    /// decided keep their first decision.
    /// </summary>
    Task<GroupDecisionResult> DecideGroupAsync(
        string campaignId, FraudReason signal, string? network, HoldDecision decision, int minimumGroup, string actor, DateTimeOffset now,
        CancellationToken cancellationToken);

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

/// <summary>The holds one signal made from one network, counted: what the review shows instead of the votes themselves.</summary>
/// <param name="WaitingWithdrawn">Waiting holds whose vote the voter withdrew since (nothing to count whatever the decision).</param>
/// <param name="MostBurstVotes">Burst: the most votes from the network within one window.</param>
/// <param name="FirstPlace">Many accounts: the lowest and highest place of the held accounts among the network's voting accounts.</param>
public sealed record HoldGroup(
    FraudReason Signal, string Network, int Waiting, int Confirmed, int Cleared, int WaitingWithdrawn, int Accounts,
    DateTimeOffset FirstVotedAt, DateTimeOffset LastVotedAt, int? MostBurstVotes, int? FirstPlace, int? LastPlace);

public sealed record AwardHolds(string CategoryId, int Waiting, int Confirmed, int Cleared);

/// <param name="Waiting">The waiting holds the group had.</param>
/// <param name="Decided">How many this call decided: all of them, or none when the group was too small.</param>
public sealed record GroupDecisionResult(int Waiting, int Decided, bool TooSmall);

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
