using CitySpiritAwards.Grains.Voting;

namespace CitySpiritAwards.Web.Voting;

/// <summary>
/// "Vote for this person" where people look at an entry (its public page, its gallery card): a link to the entry on the
/// voting page, offered only when a vote for it would be accepted in principle, so nothing is offered that will be refused.
/// </summary>
public static class VoteLinks
{
    /// <summary>The entry's place on the voting page, or null unless voting is open and the entry is shortlisted and not taken down.</summary>
    public static string? For(CampaignVoting? voting, string entryId, DateTimeOffset now) =>
        voting is { Context: var context } && context.IsOpenAt(now) && context.CategoryOfEntry.ContainsKey(entryId) && !context.IsTakenDown(entryId)
            ? $"/campaigns/{Uri.EscapeDataString(voting.Campaign.Id)}/vote#{Anchor(entryId)}"
            : null;

    /// <summary>The id of the entry's card on the voting page.</summary>
    public static string Anchor(string entryId) => $"entry-{entryId}";
}
