using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Tests.Rules;

public sealed class SettingLimitsRules
{
    private static readonly SettingLimits Limits = CampaignSettings.Limits;

    [Fact]
    public void A_range_allows_both_ends_and_nothing_beyond()
    {
        var range = new SettingRange(1, 20);

        Assert.True(range.Allows(1));
        Assert.True(range.Allows(20));
        Assert.False(range.Allows(0));
        Assert.False(range.Allows(21));
    }

    [Fact]
    public void The_limits_are_those_the_administrators_form_has_always_offered()
    {
        Assert.Equal(new SettingRange(1, 20), Limits.NominationsPerResident);
        Assert.Equal(new SettingRange(1, 20), Limits.VotesPerCategory);
        Assert.Equal(new SettingRange(0, 100), Limits.WeightPercent);
        Assert.Equal(new SettingRange(1, 50), Limits.ShortlistSize);
        Assert.Equal(new SettingRange(1, 15), Limits.JudgesPerEntry);
        Assert.True(Limits.NominationsPerResident.Allows(CampaignSettings.Default.NominationsPerResident));
    }

    [Fact]
    public void Settings_at_every_lower_edge_are_valid()
    {
        var lowest = new CampaignSettings(Limits.NominationsPerResident.Min, Limits.VotesPerCategory.Min, Limits.WeightPercent.Min,
            SettingLimits.TotalWeightPercent - Limits.WeightPercent.Min, Limits.ShortlistSize.Min, Limits.JudgesPerEntry.Min, LiveTallies: false);

        Assert.Empty(lowest.Problems());
    }

    [Fact]
    public void Settings_at_every_upper_edge_are_valid()
    {
        var highest = new CampaignSettings(Limits.NominationsPerResident.Max, Limits.VotesPerCategory.Max, Limits.WeightPercent.Max,
            SettingLimits.TotalWeightPercent - Limits.WeightPercent.Max, Limits.ShortlistSize.Max, Limits.JudgesPerEntry.Max, LiveTallies: true);

        Assert.Empty(highest.Problems());
    }

    [Theory]
    [InlineData(0, "Each resident must be allowed 1-20 nominations.")]
    [InlineData(21, "Each resident must be allowed 1-20 nominations.")]
    public void Nominations_per_resident_beyond_an_edge_are_refused(int nominations, string problem)
    {
        Assert.Equal([problem], (CampaignSettings.Default with { NominationsPerResident = nominations }).Problems());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Votes_per_category_beyond_an_edge_are_refused(int votes)
    {
        Assert.Equal(["Each resident must be allowed 1-20 votes per category."], (CampaignSettings.Default with { VotesPerCategory = votes }).Problems());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void A_shortlist_beyond_an_edge_is_refused(int places)
    {
        Assert.Equal(["The shortlist needs 1-50 places."], (CampaignSettings.Default with { ShortlistSize = places }).Problems());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void Judges_per_entry_beyond_an_edge_are_refused(int judges)
    {
        Assert.Equal(["Each entry needs 1-15 judges."], (CampaignSettings.Default with { JudgesPerEntry = judges }).Problems());
    }

    [Theory]
    [InlineData(-1, 101)]
    [InlineData(101, -1)]
    [InlineData(60, 30)]
    public void Weights_beyond_an_edge_or_not_adding_up_are_refused(int committee, int @public)
    {
        Assert.Equal(["Committee and public weights must be 0-100% and add up to 100%."],
            (CampaignSettings.Default with { CommitteeWeightPercent = committee, PublicWeightPercent = @public }).Problems());
    }
}
