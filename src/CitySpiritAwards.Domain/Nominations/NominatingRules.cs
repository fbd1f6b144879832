using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Nominations;

/// <summary>When residents may nominate: only while the campaign is in its Nominating phase.</summary>
public static class NominatingRules
{
    public static bool IsOpen(CampaignPhase phase) => phase == CampaignPhase.Nominating;

    /// <summary>
    /// When nominating opens, while the campaign has not reached it yet (so a page can say "opens on …" rather than
    /// only "closed"); null once it has opened, whether it is still open or already closed.
    /// </summary>
    public static DateTimeOffset? OpensAt(CampaignPhase phase, CampaignSchedule schedule) =>
        phase < CampaignPhase.Nominating ? schedule.StartOf(CampaignPhase.Nominating) : null;
}
