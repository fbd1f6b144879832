namespace CitySpiritAwards.Domain.Nominations;

/// <summary>What a resident typed into the nomination form, before it is checked.</summary>
/// <param name="CategoryId">One of <see cref="Categories.CategoryIds"/>.</param>
/// <param name="DistrictId">The nominee's district, e.g. "pudong".</param>
/// <param name="Relationship">How the nominator knows the nominee: one of <see cref="Relationships.All"/>.</param>
/// <param name="StoryZh">The story in Chinese, or null; at least one of the two stories is required.</param>
/// <param name="StoryEn">The story in English, or null.</param>
/// <param name="NomineeEmail">Where the nominee's consent link is sent; never shown publicly.</param>
/// <param name="PhotoCount">How many photos come with the nomination (the photos themselves are checked elsewhere).</param>
public sealed record NominationDraft(
    string CategoryId,
    string DistrictId,
    string NomineeName,
    string Relationship,
    string? StoryZh,
    string? StoryEn,
    string NomineeEmail,
    int PhotoCount);

/// <summary>The field names a <see cref="NominationProblem"/> refers to; they match the draft's property names.</summary>
public static class NominationFields
{
    public const string CategoryId = nameof(NominationDraft.CategoryId);
    public const string DistrictId = nameof(NominationDraft.DistrictId);
    public const string NomineeName = nameof(NominationDraft.NomineeName);
    public const string Relationship = nameof(NominationDraft.Relationship);
    public const string StoryZh = nameof(NominationDraft.StoryZh);
    public const string StoryEn = nameof(NominationDraft.StoryEn);
    public const string NomineeEmail = nameof(NominationDraft.NomineeEmail);
    public const string PhotoCount = nameof(NominationDraft.PhotoCount);

    /// <summary>Both stories together: used when neither language has one.</summary>
    public const string Story = "Story";
}
