using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class NominationQuotaTests
{
    private static readonly CampaignSettings FivePerResident = CampaignSettings.Default with { NominationsPerResident = 5 };

    [Theory]
    [InlineData(0, true, 5)]
    [InlineData(4, true, 1)]
    [InlineData(5, false, 0)]
    [InlineData(6, false, 0)]
    public void A_resident_nominates_up_to_the_campaign_limit(int alreadySubmitted, bool canNominate, int remaining)
    {
        Assert.Equal(canNominate, NominationQuota.CanNominate(alreadySubmitted, FivePerResident));
        Assert.Equal(remaining, NominationQuota.Remaining(alreadySubmitted, FivePerResident));
    }

    [Fact]
    public void A_withdrawn_nomination_gives_its_slot_back_but_a_rejected_or_hidden_one_does_not()
    {
        NominationStatus[] mine =
        [
            NominationStatus.Submitted, NominationStatus.Approved, NominationStatus.Rejected,
            NominationStatus.Hidden, NominationStatus.Withdrawn,
        ];
        var counted = mine.Count(s => s != NominationStatus.Withdrawn);

        Assert.Equal(4, counted);
        Assert.True(NominationQuota.CanNominate(counted, FivePerResident));
        Assert.False(NominationQuota.CanNominate(counted + 1, FivePerResident));
    }

    [Fact]
    public void The_limit_is_the_campaigns_setting()
    {
        var onePerResident = CampaignSettings.Default with { NominationsPerResident = 1 };

        Assert.True(NominationQuota.CanNominate(0, onePerResident));
        Assert.False(NominationQuota.CanNominate(1, onePerResident));
    }

    [Fact]
    public void A_negative_count_is_a_bug_in_the_caller()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NominationQuota.CanNominate(-1, FivePerResident));
    }
}
