namespace CitySpiritAwards.Web.Photos.Processing;

/// <summary>One re-encoded size of a photo: bytes to store and serve as they are.</summary>
public sealed record PhotoRendition(byte[] Content, string ContentType, int Width, int Height);

/// <summary>The outcome of <see cref="PhotoProcessor.ProcessAsync"/>: <see cref="Accepted"/> or <see cref="Refused"/>.</summary>
public abstract record PhotoResult
{
    private PhotoResult()
    {
    }

    /// <summary>The photo upright, in sRGB, without any metadata, as a display size and a thumbnail (both JPEG).</summary>
    public sealed record Accepted(PhotoRendition Display, PhotoRendition Thumbnail, PhotoFormat SourceFormat) : PhotoResult;

    /// <summary>
    /// The upload was refused. <paramref name="MessageArguments"/> fill the placeholders of the message
    /// <see cref="PhotoProblems.MessageKey"/> names; <paramref name="Detail"/> is for logs only, never for users.
    /// </summary>
    public sealed record Refused(PhotoProblem Problem, IReadOnlyList<object> MessageArguments, string? Detail = null) : PhotoResult;
}

/// <summary>An upload that passed the cheap checks (size, format, header): ready to decode.</summary>
public sealed class PhotoUpload
{
    internal PhotoUpload(ReadOnlyMemory<byte> bytes, PhotoFormat format, long width, long height) =>
        (Bytes, Format, Width, Height) = (bytes, format, width, height);

    internal ReadOnlyMemory<byte> Bytes { get; }
    public PhotoFormat Format { get; }
    public long Width { get; }
    public long Height { get; }
}

/// <summary>The outcome of <see cref="PhotoProcessor.InspectAsync"/>: a refusal, or an upload ready to decode.</summary>
public sealed record PhotoInspection(PhotoResult.Refused? Refusal, PhotoUpload? Upload);
