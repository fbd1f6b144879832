using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Voting;

/// <summary>
/// What the vote rules need to know about a campaign at one moment: its phase, its rules, when PublicVoting is
/// scheduled to close, and which category each shortlisted entry belongs to.
/// </summary>
public sealed record VotingContext(
    CampaignPhase Phase,
    CampaignSettings Settings,
    DateTimeOffset? ScheduledClose,
    IReadOnlyDictionary<string, string> CategoryOfEntry)
{
    /// <summary>
    /// Voting is open while the campaign is in PublicVoting and its scheduled close has not passed: a vote at the
    /// closing second is refused even if the phase job has not yet moved the campaign on.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset now) =>
        Phase == CampaignPhase.PublicVoting && (ScheduledClose is not { } close || now < close);

    public static VotingContext For(CampaignPhase phase, CampaignSettings settings, CampaignSchedule schedule, IReadOnlyDictionary<string, string> categoryOfEntry) =>
        new(phase, settings, schedule.StartOf(CampaignPhase.Tallying), categoryOfEntry);
}
