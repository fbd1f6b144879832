using System.Text.Json;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Storage.Nominations;

/// <summary>
/// A nomination as the read table holds it, for lists. Staff pages may show all of it; public pages only what
/// <see cref="IsPublic"/> allows and never <see cref="NominatorId"/>. There is no nominee email in it.
/// </summary>
public sealed record NominationListing(
    string Id,
    string CampaignId,
    string NominatorId,
    string CategoryId,
    string DistrictId,
    string NomineeName,
    string Relationship,
    string? StoryZh,
    string? StoryEn,
    NominationStatus Status,
    NomineeConsent Consent,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? PublicSince,
    IReadOnlyList<string> PhotoIds,
    string? ModeratorNote,
    string DuplicateKey,
    IReadOnlyList<NominationEvent> History)
{
    public bool IsPublic => PublicSince is not null;

    /// <summary>The columns a listing is read from, for SELECT lists (table alias n).</summary>
    internal const string Columns = """
        n.id, n.campaign_id, n.nominator_id, n.category_id, n.district_id, n.nominee_name, n.relationship, n.story_zh, n.story_en,
        n.status, n.consent, n.submitted_at, n.public_since, n.photo_ids, n.moderator_note, n.duplicate_key, n.history
        """;

    internal static NominationListing From(Data row) => new(
        row.Id, row.CampaignId, row.NominatorId, row.CategoryId, row.DistrictId, row.NomineeName, row.Relationship, row.StoryZh, row.StoryEn,
        Enum.Parse<NominationStatus>(row.Status), Enum.Parse<NomineeConsent>(row.Consent),
        DateTimeOffset.FromUnixTimeMilliseconds(row.SubmittedAt),
        row.PublicSince is { } since ? DateTimeOffset.FromUnixTimeMilliseconds(since) : null,
        row.PhotoIds.Split(' ', StringSplitOptions.RemoveEmptyEntries), row.ModeratorNote, row.DuplicateKey,
        JsonSerializer.Deserialize<List<NominationEvent>>(row.History) ?? []);

    /// <summary>One row as Dapper reads it (both providers hand back their own integer types; properties take either).</summary>
    internal sealed class Data
    {
        public string Id { get; set; } = "";
        public string CampaignId { get; set; } = "";
        public string NominatorId { get; set; } = "";
        public string CategoryId { get; set; } = "";
        public string DistrictId { get; set; } = "";
        public string NomineeName { get; set; } = "";
        public string Relationship { get; set; } = "";
        public string? StoryZh { get; set; }
        public string? StoryEn { get; set; }
        public string Status { get; set; } = "";
        public string Consent { get; set; } = "";
        public long SubmittedAt { get; set; }
        public long? PublicSince { get; set; }
        public string PhotoIds { get; set; } = "";
        public string? ModeratorNote { get; set; }
        public string DuplicateKey { get; set; } = "";
        public string History { get; set; } = "[]";
    }
}
