using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Voting;

/// <summary>
/// What the vote rules need to know about a campaign at one moment: its phase, its rules, when PublicVoting is
/// scheduled to close, which category each shortlisted entry belongs to, and which of them were taken down since the
/// shortlist was published (nominee's consent withdrawn, hidden by a moderator).
/// </summary>
public sealed record VotingContext(
    CampaignPhase Phase,
    CampaignSettings Settings,
    DateTimeOffset? ScheduledClose,
    IReadOnlyDictionary<string, string> CategoryOfEntry,
    IReadOnlySet<string>? TakenDownEntries = null)
{
    /// <summary>
    /// A taken-down entry stays on its published shortlist but counts for nothing: it cannot be voted for, its votes
    /// stay in the votes table but leave the public tallies and the results, and they no longer use up their voters'
    /// votes in the category (see docs/judging.md).
    /// </summary>
    public bool IsTakenDown(string entryId) => TakenDownEntries?.Contains(entryId) == true;

    /// <summary>
    /// Voting is open while the campaign is in PublicVoting and its scheduled close has not passed: a vote at the
    /// closing second is refused even if the phase job has not yet moved the campaign on.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset now) =>
        Phase == CampaignPhase.PublicVoting && (ScheduledClose is not { } close || now < close);

    public static VotingContext For(
        CampaignPhase phase, CampaignSettings settings, CampaignSchedule schedule, IReadOnlyDictionary<string, string> categoryOfEntry,
        IReadOnlySet<string>? takenDown = null) =>
        new(phase, settings, schedule.StartOf(CampaignPhase.Tallying), categoryOfEntry, takenDown);
}
