namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// The photos of a nomination are named by the site, never by the uploader: each id is the first 16 hex digits of
/// the SHA-256 of the stored picture, so the same photo sent twice (a double submit) is the same photo.
/// </summary>
public static class NominationPhotos
{
    public const int IdLength = 16;

    public static bool IsValidId(string? id) =>
        id is { Length: IdLength } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Ids are made by the web layer, never typed by people: anything else is a programming error.</summary>
    public static IReadOnlyList<string> EnsureValid(IReadOnlyList<string>? ids)
    {
        var checkedIds = ids ?? [];
        if (checkedIds.Any(id => !IsValidId(id)) || checkedIds.Distinct(StringComparer.Ordinal).Count() != checkedIds.Count)
            throw new ArgumentException("Photo ids must be distinct 16-digit lower-case hex fingerprints.", nameof(ids));
        return checkedIds;
    }

    /// <summary>The ids to keep: valid ones only, each once, in the order given.</summary>
    public static IReadOnlyList<string> ValidDistinct(IEnumerable<string?> ids) =>
        ids.Where(IsValidId).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
}
