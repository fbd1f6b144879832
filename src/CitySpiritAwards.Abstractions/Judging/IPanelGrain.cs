namespace CitySpiritAwards.Abstractions.Judging;

/// <summary>
/// The committee members judging one category in one campaign, keyed <see cref="JudgingKeys.For"/>(campaign, category).
/// Whether a person may sit on a panel (the CommitteeMember role) is checked by the web layer, which knows the accounts.
/// </summary>
[Alias("CitySpiritAwards.IPanelGrain")]
public interface IPanelGrain : IGrainWithStringKey
{
    [Alias("GetMembers")]
    Task<IReadOnlyList<PanelSeat>> GetMembersAsync();

    /// <summary>Adds a member until scoring closes; adding someone already there is refused as already-on-panel.</summary>
    [Alias("Add")]
    Task<JudgingOutcome> AddAsync(PanelSeat seat, string actor);

    /// <summary>Removes a member, only before committee scoring starts.</summary>
    [Alias("Remove")]
    Task<JudgingOutcome> RemoveAsync(string memberId, string actor);
}
