using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// How many nominations a resident may make in one campaign (<see cref="CampaignSettings.NominationsPerResident"/>).
/// The count to pass is every nomination the resident submitted in the campaign except those they withdrew:
/// rejected, merged and hidden ones still count, so a slot is not won back by being refused. The caller must count
/// and submit as one step (one grain per resident and campaign) so racing requests cannot both take the last slot.
/// </summary>
public static class NominationQuota
{
    /// <param name="alreadySubmittedThisCampaign">The resident's nominations in this campaign, withdrawn ones not counted.</param>
    public static bool CanNominate(int alreadySubmittedThisCampaign, CampaignSettings settings) =>
        Remaining(alreadySubmittedThisCampaign, settings) > 0;

    /// <summary>How many more the resident may submit, for "2 of 5 left" on the form.</summary>
    /// <param name="alreadySubmittedThisCampaign">The resident's nominations in this campaign, withdrawn ones not counted.</param>
    public static int Remaining(int alreadySubmittedThisCampaign, CampaignSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alreadySubmittedThisCampaign);
        ArgumentNullException.ThrowIfNull(settings);
        return Math.Max(0, settings.NominationsPerResident - alreadySubmittedThisCampaign);
    }
}
