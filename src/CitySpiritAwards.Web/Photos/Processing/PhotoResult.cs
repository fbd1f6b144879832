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
