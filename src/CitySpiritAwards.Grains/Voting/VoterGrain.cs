using CitySpiritAwards.Abstractions.Voting;
using CitySpiritAwards.Domain.Voting;
using CitySpiritAwards.Grains.Time;
using Orleans.Placement;

namespace CitySpiritAwards.Grains.Voting;

/// <summary>
/// Decides one voter's votes in one campaign (see <see cref="IVoterGrain"/>). Placed on the silo that first asks for
/// it, where that voter's requests usually arrive. Not grain state: the ballot is read from the votes table on
/// activation, and read again after a write whose outcome is unknown.
/// </summary>
[PreferLocalPlacement]
public sealed class VoterGrain(VotingCatalog catalog, VoteWriter writer, IVoteLedger ledger, AwardsClock clock) : Grain, IVoterGrain
{
    private string _campaignId = "";
    private string _voterId = "";
    private Ballot? _ballot;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/');
        (_campaignId, _voterId) = (key[..slash], key[(slash + 1)..]);
        _ballot = new Ballot(await ledger.LoadBallotAsync(_campaignId, _voterId, cancellationToken));
    }

    public async Task<IReadOnlyList<VoteReceipt>> ListAsync() =>
        (await BallotAsync()).Votes.Select(Receipt).ToList();

    public async Task<VoteOutcome> CastAsync(string entryId, string network)
    {
        var ballot = await BallotAsync();
        var voting = await catalog.GetAsync(_campaignId);
        if (voting is null)
            return VoteOutcome.Refused(VoteRefusals.NotFound);
        var decision = ballot.DecideCast(entryId, voting.Context, clock.UtcNow);
        if (decision.Refusal is VoteRefusals.VotingClosed or VoteRefusals.NotShortlisted)
        {
            // What this silo knew may be a moment old (voting just opened): read the campaign before refusing.
            voting = await catalog.GetAsync(_campaignId, fresh: true);
            if (voting is null)
                return VoteOutcome.Refused(VoteRefusals.NotFound);
            decision = ballot.DecideCast(entryId, voting.Context, clock.UtcNow);
        }
        if (decision.Refusal is { } refusal)
            return VoteOutcome.Refused(refusal);
        if (decision.Existing is { } existing)
            return new VoteOutcome(Receipt(existing), Created: false, null, null);

        var vote = new CastVote(VoteReceipts.New(), decision.CategoryId!, entryId);
        var stored = await CommitAsync(new VoteWrite(_campaignId, _voterId, New(vote, network), null));
        // Another receipt means the same vote was already in the table (a write acknowledged to nobody): that one counts.
        var counted = vote with { Receipt = stored! };
        _ballot = ballot.With(counted);
        return new VoteOutcome(Receipt(counted), Created: stored == vote.Receipt, null, null);
    }

    public async Task<VoteOutcome> ChangeAsync(string receipt, string toEntryId, string network)
    {
        var ballot = await BallotAsync();
        var voting = await catalog.GetAsync(_campaignId);
        if (voting is null)
            return VoteOutcome.Refused(VoteRefusals.NotFound);
        var decision = ballot.DecideChange(receipt, toEntryId, voting.Context, clock.UtcNow);
        if (decision.Refusal is { } refusal)
            return VoteOutcome.Refused(refusal);
        var old = decision.Vote!;
        if (decision.SameEntry)
            return new VoteOutcome(Receipt(old), Created: false, null, null);

        var vote = new CastVote(VoteReceipts.New(), old.CategoryId, toEntryId);
        var stored = await CommitAsync(new VoteWrite(_campaignId, _voterId, New(vote, network), old.Receipt));
        var counted = vote with { Receipt = stored! };
        _ballot = ballot.Without(old.Receipt).With(counted);
        return new VoteOutcome(Receipt(counted), Created: stored == vote.Receipt, Receipt(old), null);
    }

    public async Task<VoteOutcome> WithdrawAsync(string receipt)
    {
        var ballot = await BallotAsync();
        var voting = await catalog.GetAsync(_campaignId);
        if (voting is null)
            return VoteOutcome.Refused(VoteRefusals.NotFound);
        var decision = ballot.DecideWithdrawal(receipt, voting.Context, clock.UtcNow);
        if (decision.Refusal is { } refusal)
            return VoteOutcome.Refused(refusal);

        await CommitAsync(new VoteWrite(_campaignId, _voterId, null, receipt));
        _ballot = ballot.Without(receipt);
        return new VoteOutcome(null, Created: false, Receipt(decision.Vote!), null);
    }

    private async Task<Ballot> BallotAsync() =>
        _ballot ??= new Ballot(await ledger.LoadBallotAsync(_campaignId, _voterId, CancellationToken.None));

    private async Task<string?> CommitAsync(VoteWrite write)
    {
        try
        {
            return await writer.WriteAsync(write);
        }
        catch
        {
            // The write may or may not have committed: forget the ballot, the table will tell on the next call.
            _ballot = null;
            throw;
        }
    }

    private NewVote New(CastVote vote, string network) => new(vote.Receipt, vote.CategoryId, vote.EntryId, clock.UtcNow, network);

    private VoteReceipt Receipt(CastVote vote) => new(vote.Receipt, _campaignId, vote.CategoryId, vote.EntryId);
}
