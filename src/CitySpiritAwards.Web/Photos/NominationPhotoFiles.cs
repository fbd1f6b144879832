using System.Security.Cryptography;
using CitySpiritAwards.Web.Photos.Processing;

namespace CitySpiritAwards.Web.Photos;

public enum PhotoSize
{
    Thumbnail,
    Display,
}

/// <summary>How a size is named in keys and URLs: "thumb" or "display".</summary>
public static class PhotoSizes
{
    public static string Name(PhotoSize size) => size == PhotoSize.Thumbnail ? "thumb" : "display";

    public static PhotoSize? Parse(string name) => name switch
    {
        "thumb" => PhotoSize.Thumbnail,
        "display" => PhotoSize.Display,
        _ => null,
    };
}

/// <summary>
/// Where a nomination's photos live in the photo store: "nominations/{nominationId}/{photoId}-thumb.jpg" and
/// "-display.jpg". A photo's id is a fingerprint of its display picture, so storing the same photo twice writes the
/// same bytes to the same place.
/// </summary>
public sealed class NominationPhotoFiles(IPhotoStore store)
{
    public static string KeyFor(string nominationId, string photoId, PhotoSize size) =>
        $"nominations/{nominationId}/{photoId}-{PhotoSizes.Name(size)}.jpg";

    public static string IdOf(PhotoResult.Accepted photo) =>
        Convert.ToHexStringLower(SHA256.HashData(photo.Display.Content))[..Domain.Nominations.NominationPhotos.IdLength];

    /// <summary>Stores both sizes (the thumbnail last, so its presence means the photo is complete) and returns the id.</summary>
    public async Task<string> SaveAsync(string nominationId, PhotoResult.Accepted photo, CancellationToken cancellationToken)
    {
        var id = IdOf(photo);
        await store.SaveAsync(KeyFor(nominationId, id, PhotoSize.Display), new MemoryStream(photo.Display.Content), photo.Display.ContentType, cancellationToken);
        await store.SaveAsync(KeyFor(nominationId, id, PhotoSize.Thumbnail), new MemoryStream(photo.Thumbnail.Content), photo.Thumbnail.ContentType, cancellationToken);
        return id;
    }

    public Task<bool> ExistsAsync(string nominationId, string photoId, CancellationToken cancellationToken) =>
        store.ExistsAsync(KeyFor(nominationId, photoId, PhotoSize.Thumbnail), cancellationToken);

    public Task<StoredPhoto?> OpenAsync(string nominationId, string photoId, PhotoSize size, CancellationToken cancellationToken) =>
        store.OpenAsync(KeyFor(nominationId, photoId, size), cancellationToken);

    public async Task DeleteAsync(string nominationId, IEnumerable<string> photoIds, CancellationToken cancellationToken)
    {
        foreach (var id in photoIds)
        {
            await store.DeleteAsync(KeyFor(nominationId, id, PhotoSize.Thumbnail), cancellationToken);
            await store.DeleteAsync(KeyFor(nominationId, id, PhotoSize.Display), cancellationToken);
        }
    }
}
