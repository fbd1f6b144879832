namespace CitySpiritAwards.Abstractions.Voting;

/// <summary>
/// One resident's votes in one campaign, keyed "{campaignId}/{voterId}". There is one activation of it in the whole
/// cluster and it takes one call at a time, so racing votes from several silos cannot exceed the campaign's votes per
/// category. Its state is not grain state: it is read from the votes table on activation (the table is the source of
/// truth), and each change is answered only after the silo's vote writer has committed it.
/// </summary>
[Alias("CitySpiritAwards.IVoterGrain")]
public interface IVoterGrain : IGrainWithStringKey
{
    static string KeyFor(string campaignId, string voterId) => $"{campaignId}/{voterId}";

    /// <summary>Votes for a shortlisted entry; voting for it again returns the same vote and receipt.</summary>
    /// <param name="network">The voter's network (IPv4 /24 or IPv6 /64), kept with the vote for the fraud signals.</param>
    [Alias("Cast")]
    Task<VoteOutcome> CastAsync(string entryId, string network);

    /// <summary>Moves a counted vote to another entry of the same category: the old receipt reads "withdrawn", the new vote gets a new one.</summary>
    [Alias("Change")]
    Task<VoteOutcome> ChangeAsync(string receipt, string toEntryId, string network);

    [Alias("Withdraw")]
    Task<VoteOutcome> WithdrawAsync(string receipt);

    /// <summary>The voter's counted votes.</summary>
    [Alias("List")]
    Task<IReadOnlyList<VoteReceipt>> ListAsync();
}

/// <summary>A vote as its voter sees it.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.VoteReceipt")]
public sealed record VoteReceipt(
    [property: Id(0)] string Receipt,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string CategoryId,
    [property: Id(3)] string EntryId);

/// <summary>The answer to a vote, change or withdrawal.</summary>
/// <param name="Vote">The vote now counted (cast, already cast, or moved to), or the one withdrawn.</param>
/// <param name="Created">Whether this call stored a new vote (false when the same vote was already counted).</param>
/// <param name="Withdrawn">The vote that stopped counting (a withdrawal, or the old vote of a change).</param>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.VoteOutcome")]
public sealed record VoteOutcome(
    [property: Id(0)] VoteReceipt? Vote,
    [property: Id(1)] bool Created,
    [property: Id(2)] VoteReceipt? Withdrawn,
    [property: Id(3)] string? Refusal)
{
    public bool Succeeded => Refusal is null;

    public static VoteOutcome Refused(string refusal) => new(null, false, null, refusal);
}
