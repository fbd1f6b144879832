namespace CitySpiritAwards.Domain.Campaigns;

/// <summary>The whole numbers a setting may take, both ends included.</summary>
public readonly record struct SettingRange(int Min, int Max)
{
    public bool Allows(int value) => value >= Min && value <= Max;
}

/// <summary>
/// What each campaign setting may be. Its values are <see cref="CampaignSettings.Limits"/>, the one place the bounds are
/// written: the settings' own check (<see cref="CampaignSettings.Problems"/>), the administrators' form and the API's
/// messages all read them there.
/// </summary>
public sealed record SettingLimits(
    SettingRange NominationsPerResident,
    SettingRange VotesPerCategory,
    SettingRange WeightPercent,
    SettingRange ShortlistSize,
    SettingRange JudgesPerEntry)
{
    /// <summary>The committee's and the public's weights are shares of one whole.</summary>
    public const int TotalWeightPercent = 100;
}
