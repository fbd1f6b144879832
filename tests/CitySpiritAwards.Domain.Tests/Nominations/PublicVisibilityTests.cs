using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class PublicVisibilityTests
{
    [Fact]
    public void Of_every_status_and_consent_only_approved_with_consent_given_is_public()
    {
        var publicOnes =
            from status in Enum.GetValues<NominationStatus>()
            from consent in Enum.GetValues<NomineeConsent>()
            where PublicVisibility.IsPublic(status, consent)
            select (status, consent);

        Assert.Equal([(NominationStatus.Approved, NomineeConsent.Given)], publicOnes);
    }

    [Theory]
    [InlineData(NominationStatus.Approved, NomineeConsent.Pending)]
    [InlineData(NominationStatus.Approved, NomineeConsent.Declined)]
    [InlineData(NominationStatus.Approved, NomineeConsent.Withdrawn)]
    [InlineData(NominationStatus.Merged, NomineeConsent.Given)]
    [InlineData(NominationStatus.Hidden, NomineeConsent.Given)]
    [InlineData(NominationStatus.Withdrawn, NomineeConsent.Given)]
    [InlineData(NominationStatus.Submitted, NomineeConsent.Given)]
    public void Without_both_approval_and_consent_nothing_is_shown(NominationStatus status, NomineeConsent consent)
    {
        Assert.False(PublicVisibility.IsPublic(status, consent));
    }
}
