using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Web.Photos.Processing;

/// <summary>The formats a photo may arrive in, told apart by the file's own bytes, never its name or declared type.</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    WebP,
}

/// <summary>
/// What an uploaded photo must be, and what it becomes. The defaults suit phone photos: the 12 and 24 MP pictures phones
/// take by default fit the pixel limits, and an everyday phone JPEG (2-6 MB) fits the size limit.
/// </summary>
public sealed record PhotoRules
{
    public static PhotoRules Default { get; } = new();

    /// <summary>How many photos a nomination may carry. Counting them is the caller's job.</summary>
    public const int MaxPhotosPerNomination = NominationLimits.MaxPhotos;

    /// <summary>Every rendition is re-encoded as JPEG, whatever came in.</summary>
    public const string OutputContentType = "image/jpeg";

    public static IReadOnlyList<PhotoFormat> AcceptedFormats { get; } = [PhotoFormat.Jpeg, PhotoFormat.Png, PhotoFormat.WebP];

    /// <summary>
    /// 10 MiB. Reading stops at the first byte past it. Three photos per nomination keep a submission under
    /// 30 MB on a phone connection; full-resolution 48 MP files are often larger and are refused with a clear message.
    /// </summary>
    public long MaxUploadBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// 8192 px on either side, read from the header before anything is decoded. Covers the 8160 × 6120 frames of
    /// 50 MP phone sensors; beyond it there is nothing a 1600 px display image could use.
    /// </summary>
    public int MaxSide { get; init; } = 8192;

    /// <summary>
    /// 40 megapixels in all, read from the header before decoding. A display photo is 1600 px (2.6 MP): 40 MP covers
    /// what phones and most cameras save by default (12, 24, 36 MP) with room to spare, while a PNG or WebP, which is
    /// decoded at full size, then needs at most 160 MB (4 bytes a pixel in ImageMagick Q8). That bounds what a small
    /// compressed "decompression bomb" (a 140 KB PNG of 48 MP) can make one decode cost; <see cref="PhotoDecodeGate"/>
    /// bounds how many run at once. Full-resolution 48/50 MP modes are refused with a message to make the photo smaller.
    /// </summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>
    /// 200 px on the shorter side. Any phone or camera photo, and most images saved from chat apps, are far above it;
    /// icons, emoji, avatars and tracking pixels are below it and would look blurred as a 400 px thumbnail.
    /// </summary>
    public int MinShortSide { get; init; } = 200;

    /// <summary>The photo as shown on a nomination's page: longest side at most this, never enlarged.</summary>
    public int DisplayMaxSide { get; init; } = 1600;

    public int DisplayQuality { get; init; } = 82;

    /// <summary>The photo in lists and the gallery: longest side at most this, never enlarged.</summary>
    public int ThumbnailMaxSide { get; init; } = 400;

    public int ThumbnailQuality { get; init; } = 80;

    /// <summary><see cref="MaxUploadBytes"/> in MB (MiB) for messages, e.g. 10.</summary>
    public double MaxUploadMegabytes => Math.Round(MaxUploadBytes / (1024.0 * 1024.0), 1);

    /// <summary><see cref="MaxPixels"/> in megapixels for messages, e.g. 40.</summary>
    public double MaxMegapixels => Math.Round(MaxPixels / 1_000_000.0, 1);
}
