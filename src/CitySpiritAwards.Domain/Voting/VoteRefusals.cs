namespace CitySpiritAwards.Domain.Voting;

/// <summary>Why a vote, change or withdrawal was refused. The codes are stable: the API sends them as problem types.</summary>
public static class VoteRefusals
{
    /// <summary>The campaign does not exist.</summary>
    public const string NotFound = "not-found";
    /// <summary>The campaign is not in PublicVoting (not yet, or the phase has closed).</summary>
    public const string VotingClosed = "voting-closed";
    /// <summary>The entry is not on its category's published shortlist.</summary>
    public const string NotShortlisted = "not-shortlisted";
    /// <summary>The voter already has the campaign's votes per category in this category.</summary>
    public const string LimitReached = "limit-reached";
    /// <summary>The campaign does not let voters change or withdraw a vote.</summary>
    public const string ChangesNotAllowed = "changes-not-allowed";
    /// <summary>The voter has no counted vote with this receipt.</summary>
    public const string NoSuchVote = "no-such-vote";
    /// <summary>A vote can only be moved to another entry of the same category.</summary>
    public const string OtherCategory = "other-category";
    /// <summary>
    /// The entry is on the shortlist but was taken down during voting (its nominee withdrew consent, a moderator hid
    /// it): it can no longer be shown, so it can no longer be voted for.
    /// </summary>
    public const string TakenDown = "taken-down";

    public static readonly IReadOnlyList<string> All =
        [NotFound, VotingClosed, NotShortlisted, LimitReached, ChangesNotAllowed, NoSuchVote, OtherCategory, TakenDown];
}
