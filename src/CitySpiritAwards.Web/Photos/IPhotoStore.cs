namespace CitySpiritAwards.Web.Photos;

/// <summary>A stored photo's bytes and how to serve them.</summary>
public sealed record StoredPhoto(Stream Content, string ContentType, long Length);

/// <summary>A photo's key and when it was last written, as a listing gives them.</summary>
public sealed record StoredPhotoInfo(string Key, DateTimeOffset LastModified);

/// <summary>
/// Where photos live: a local folder when embedded, Azure Blob Storage in a cluster. Keys are chosen by the
/// app (never by the uploader), e.g. "nominations/{id}/{photoId}-display.jpg".
/// </summary>
public interface IPhotoStore
{
    Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The photo, or null when there is none under that key.</summary>
    Task<StoredPhoto?> OpenAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every photo whose key starts with <paramref name="prefix"/> (e.g. "nominations/"), in no particular order.</summary>
    IAsyncEnumerable<StoredPhotoInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Whether the store can be written to now; for the readiness check.</summary>
    Task<bool> IsAvailableAsync(CancellationToken cancellationToken);
}

public static class PhotoKeys
{
    /// <summary>Keys are lower-case letters, digits, '-', '_', '.', and '/' between segments; nothing else reaches a path or URL.</summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 200
        && !key.Contains("..", StringComparison.Ordinal)
        && key[0] != '/' && key[^1] != '/'
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.' or '/');

    public static void EnsureValid(string key)
    {
        if (!IsValid(key))
            throw new ArgumentException($"'{key}' is not a valid photo key.", nameof(key));
    }
}
