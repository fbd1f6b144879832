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

    /// <summary>The bounds of every setting (see <see cref="SettingLimits"/>).</summary>
    public static SettingLimits Limits { get; } = new(
        NominationsPerResident: new(1, 20),
        VotesPerCategory: new(1, 20),
        WeightPercent: new(0, 100),
        ShortlistSize: new(1, 50),
        JudgesPerEntry: new(1, 15));

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var (nominations, votes, weight, shortlist, judges) = Limits;
        if (!nominations.Allows(NominationsPerResident))
            problems.Add($"Each resident must be allowed {nominations.Min}-{nominations.Max} nominations.");
        if (!votes.Allows(VotesPerCategory))
            problems.Add($"Each resident must be allowed {votes.Min}-{votes.Max} votes per category.");
        if (!weight.Allows(CommitteeWeightPercent) || !weight.Allows(PublicWeightPercent)
            || CommitteeWeightPercent + PublicWeightPercent != SettingLimits.TotalWeightPercent)
            problems.Add($"Committee and public weights must be {weight.Min}-{weight.Max}% and add up to {SettingLimits.TotalWeightPercent}%.");
        if (!shortlist.Allows(ShortlistSize)) problems.Add($"The shortlist needs {shortlist.Min}-{shortlist.Max} places.");
        if (!judges.Allows(JudgesPerEntry)) problems.Add($"Each entry needs {judges.Min}-{judges.Max} judges.");
        if (Fraud is not null) problems.AddRange(Fraud.Problems());
        return problems;
    }
}
