namespace CitySpiritAwards.Domain.Campaigns;

/// <summary>Where a campaign stands for the public: not open yet, open (nominating to counting), or over (published).</summary>
public enum CampaignStanding
{
    Upcoming,
    Open,
    Past,
}

/// <summary>A campaign as the lineup sees it: its phase and schedule.</summary>
public sealed record CampaignOnShow(string Id, CampaignPhase Phase, CampaignSchedule Schedule);

/// <summary>
/// Several campaigns alive at once (this year's taking nominations while last year's results stand): which ones the
/// home page and the public list show, in what order, and which one each menu link leads to. A campaign created later
/// never takes over: the one whose phase needs people now comes first.
/// </summary>
public static class CampaignLineup
{
    public static CampaignStanding StandingOf(CampaignPhase phase) => phase switch
    {
        CampaignPhase.Draft => CampaignStanding.Upcoming,
        CampaignPhase.Published => CampaignStanding.Past,
        _ => CampaignStanding.Open,
    };

    /// <summary>
    /// Open campaigns first, the one whose current phase started last first; then upcoming ones, the soonest to open
    /// first; then past ones, the latest published first.
    /// </summary>
    public static IReadOnlyList<CampaignOnShow> Order(IEnumerable<CampaignOnShow> campaigns) =>
        campaigns.OrderBy(c => StandingOf(c.Phase) switch { CampaignStanding.Open => 0, CampaignStanding.Upcoming => 1, _ => 2 })
            .ThenBy(c => StandingOf(c.Phase) == CampaignStanding.Upcoming ? Start(c, CampaignPhase.Nominating) : -Start(c, c.Phase))
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The campaign a menu's short link leads to: the moderators' queue to one in Screening (or taking nominations), the
    /// committee's pages to one in scoring, results to the latest published (or one counting), the gallery to the first
    /// open one; otherwise the first of <see cref="Order"/> that is not a draft; null when there is none.
    /// </summary>
    public static string? ForArea(string area, IEnumerable<CampaignOnShow> campaigns)
    {
        var shown = Order(campaigns).Where(c => c.Phase != CampaignPhase.Draft).ToList();
        CampaignPhase[] preferred = area switch
        {
            "moderation" => [CampaignPhase.Screening, CampaignPhase.Nominating],
            "committee" or "chair" => [CampaignPhase.CommitteeScoring],
            "results" => [CampaignPhase.Published, CampaignPhase.Tallying],
            _ => [],
        };
        foreach (var phase in preferred)
        {
            if (shown.FirstOrDefault(c => c.Phase == phase) is { } campaign)
                return campaign.Id;
        }
        return shown.FirstOrDefault()?.Id;
    }

    private static long Start(CampaignOnShow campaign, CampaignPhase phase) =>
        campaign.Schedule.StartOf(phase)?.UtcTicks ?? 0;
}
