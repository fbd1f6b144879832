using CitySpiritAwards.Domain.Tallying;

namespace CitySpiritAwards.Domain.Campaigns;

/// <summary>The rules an administrator sets per campaign.</summary>
/// <param name="AllowVoteChanges">Whether a resident may move or withdraw a vote until public voting closes.</param>
/// <param name="Fraud">The fraud signals' thresholds; null for the defaults (see <see cref="FraudThresholds"/>).</param>
public sealed record CampaignSettings(
    int NominationsPerResident,
    int VotesPerCategory,
    int CommitteeWeightPercent,
    int PublicWeightPercent,
    int ShortlistSize,
    int JudgesPerEntry,
    bool LiveTallies,
    bool AllowVoteChanges = true,
    FraudThresholds? Fraud = null)
{
    // AllowVoteChanges and Fraud come last with defaults: campaigns stored before they existed read as "changes allowed"
    // and "default fraud thresholds".
    public static CampaignSettings Default { get; } = new(5, 1, 70, 30, 5, 3, LiveTallies: true, AllowVoteChanges: true);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (NominationsPerResident < 1) problems.Add("Each resident must be allowed at least one nomination.");
        if (VotesPerCategory < 1) problems.Add("Each resident must be allowed at least one vote per category.");
        if (CommitteeWeightPercent < 0 || PublicWeightPercent < 0 || CommitteeWeightPercent + PublicWeightPercent != 100)
            problems.Add("Committee and public weights must be 0-100% and add up to 100%.");
        if (ShortlistSize < 1) problems.Add("The shortlist needs at least one place.");
        if (JudgesPerEntry < 1) problems.Add("Each entry needs at least one judge.");
        if (Fraud is not null) problems.AddRange(Fraud.Problems());
        return problems;
    }
}
