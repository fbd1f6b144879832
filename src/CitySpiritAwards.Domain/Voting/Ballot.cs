namespace CitySpiritAwards.Domain.Voting;

/// <summary>One counted (not withdrawn) vote: the receipt it got, and the entry and category it is for.</summary>
public sealed record CastVote(string Receipt, string CategoryId, string EntryId);

/// <summary>What to do with a request to vote for an entry.</summary>
/// <param name="Existing">Set when the voter already voted for the entry: the same vote, with the same receipt.</param>
/// <param name="CategoryId">The entry's category, when the vote may be recorded.</param>
public sealed record CastDecision(string? Refusal, CastVote? Existing, string? CategoryId)
{
    public bool Refused => Refusal is not null;
    public bool IsNew => Refusal is null && Existing is null;
}

/// <summary>What to do with a request to move or withdraw a vote.</summary>
/// <param name="Vote">The counted vote the request is about.</param>
/// <param name="SameEntry">Moving a vote to the entry it is already for: nothing to do.</param>
public sealed record ChangeDecision(string? Refusal, CastVote? Vote, bool SameEntry = false)
{
    public bool Refused => Refusal is not null;
}

/// <summary>
/// The votes one resident has counted in one campaign, and the rules for adding, moving and withdrawing them:
/// <list type="bullet">
/// <item>only while voting is open (<see cref="VotingContext.IsOpenAt"/>), only for entries on a published shortlist;</item>
/// <item>never for an entry taken down during voting (<see cref="VotingContext.IsTakenDown"/>), whose votes then no
/// longer use up their voters' votes in the category;</item>
/// <item>at most <c>VotesPerCategory</c> counted votes per category;</item>
/// <item>a vote for an entry the voter already voted for is the same vote (idempotent, same receipt);</item>
/// <item>moving a vote (to another entry of the same category) and withdrawing one are allowed until voting closes,
/// if the campaign's <c>AllowVoteChanges</c> says so.</item>
/// </list>
/// </summary>
public sealed class Ballot
{
    private readonly List<CastVote> _votes;

    public Ballot(IEnumerable<CastVote> votes) => _votes = votes.ToList();

    public static Ballot Empty => new(new List<CastVote>());

    public IReadOnlyList<CastVote> Votes => _votes;

    public int CountIn(string categoryId) => _votes.Count(v => v.CategoryId == categoryId);

    /// <summary>The votes in the category that use up the voter's votes there: not those for taken-down entries.</summary>
    public int CountIn(string categoryId, VotingContext context) =>
        _votes.Count(v => v.CategoryId == categoryId && !context.IsTakenDown(v.EntryId));

    public CastVote? ForEntry(string entryId) => _votes.FirstOrDefault(v => v.EntryId == entryId);

    public CastVote? ForReceipt(string receipt) => _votes.FirstOrDefault(v => v.Receipt == receipt);

    public CastDecision DecideCast(string entryId, VotingContext context, DateTimeOffset now)
    {
        // Even a vote already cast: its voter learns that it no longer counts rather than getting its receipt back.
        if (context.IsTakenDown(entryId))
            return new CastDecision(VoteRefusals.TakenDown, null, null);
        // The same vote again is answered even at the limit, so a retried request gets its receipt back.
        if (ForEntry(entryId) is { } existing)
            return new CastDecision(null, existing, existing.CategoryId);
        if (!context.IsOpenAt(now))
            return new CastDecision(VoteRefusals.VotingClosed, null, null);
        if (!context.CategoryOfEntry.TryGetValue(entryId, out var category))
            return new CastDecision(VoteRefusals.NotShortlisted, null, null);
        if (CountIn(category, context) >= context.Settings.VotesPerCategory)
            return new CastDecision(VoteRefusals.LimitReached, null, null);
        return new CastDecision(null, null, category);
    }

    public ChangeDecision DecideChange(string receipt, string toEntryId, VotingContext context, DateTimeOffset now)
    {
        if (DecideAlteration(receipt, context, now) is { Refused: true } refused)
            return refused;
        var vote = ForReceipt(receipt)!;
        if (vote.EntryId == toEntryId)
            return new ChangeDecision(null, vote, SameEntry: true);
        if (!context.CategoryOfEntry.TryGetValue(toEntryId, out var category))
            return new ChangeDecision(VoteRefusals.NotShortlisted, vote);
        if (category != vote.CategoryId)
            return new ChangeDecision(VoteRefusals.OtherCategory, vote);
        if (context.IsTakenDown(toEntryId))
            return new ChangeDecision(VoteRefusals.TakenDown, vote);
        // Already voting for the target too: moving would make two votes one; withdraw instead.
        if (ForEntry(toEntryId) is not null)
            return new ChangeDecision(VoteRefusals.LimitReached, vote);
        return new ChangeDecision(null, vote);
    }

    public ChangeDecision DecideWithdrawal(string receipt, VotingContext context, DateTimeOffset now) =>
        DecideAlteration(receipt, context, now) is { Refused: true } refused ? refused : new ChangeDecision(null, ForReceipt(receipt));

    private ChangeDecision DecideAlteration(string receipt, VotingContext context, DateTimeOffset now)
    {
        var vote = ForReceipt(receipt);
        if (vote is null)
            return new ChangeDecision(VoteRefusals.NoSuchVote, null);
        if (!context.IsOpenAt(now))
            return new ChangeDecision(VoteRefusals.VotingClosed, vote);
        if (!context.Settings.AllowVoteChanges)
            return new ChangeDecision(VoteRefusals.ChangesNotAllowed, vote);
        return new ChangeDecision(null, vote);
    }

    public Ballot With(CastVote vote)
    {
        var votes = new List<CastVote>(_votes.Count + 1);
        foreach (var v in _votes)
        {
            if (v.EntryId != vote.EntryId)
                votes.Add(v);
        }
        votes.Add(vote);
        return new Ballot(votes);
    }

    public Ballot Without(string receipt) => new(_votes.Where(v => v.Receipt != receipt).ToList());

    private Ballot(List<CastVote> votes) => _votes = votes;
}
