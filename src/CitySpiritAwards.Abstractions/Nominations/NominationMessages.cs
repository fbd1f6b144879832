using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Abstractions.Nominations;

[GenerateSerializer, Immutable, Alias("CitySpiritAwards.NewNomination")]
public sealed record NewNomination(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string CategoryId,
    [property: Id(2)] string DistrictId,
    [property: Id(3)] LocalizedText NomineeName,
    [property: Id(4)] LocalizedText Relationship,
    [property: Id(5)] LocalizedText Story,
    [property: Id(6)] string NominatorId,
    [property: Id(7)] NominationStatus Status);

[GenerateSerializer, Immutable, Alias("CitySpiritAwards.NominationSnapshot")]
public sealed record NominationSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] NewNomination Content,
    [property: Id(2)] DateTimeOffset SubmittedAt);

/// <summary>Where a nomination stands. Only <see cref="Public"/> nominations are shown to visitors.</summary>
[GenerateSerializer, Alias("CitySpiritAwards.NominationStatus")]
public enum NominationStatus
{
    Submitted = 0,
    Approved = 1,
    /// <summary>Approved by a moderator and consented to by the nominee.</summary>
    Public = 2,
    Rejected = 3,
    Withdrawn = 4,
}
