namespace CitySpiritAwards.Web.Photos.Processing;

/// <summary>Why an upload was refused. The web layer turns each into a message with <see cref="PhotoProblems.MessageKey"/>.</summary>
public enum PhotoProblem
{
    /// <summary>Zero bytes.</summary>
    Empty,

    /// <summary>More than <see cref="PhotoRules.MaxUploadBytes"/>. Argument {0}: the limit in MB.</summary>
    TooLarge,

    /// <summary>Not an image at all (text, a document, a video...).</summary>
    NotAnImage,

    /// <summary>An image, but not JPEG, PNG or WebP (GIF, SVG, HEIC, BMP, TIFF, PDF...). Argument {0}: the format's name.</summary>
    UnsupportedFormat,

    /// <summary>Wider or taller than <see cref="PhotoRules.MaxSide"/>, or more than <see cref="PhotoRules.MaxPixels"/>. Arguments {0}: px a side, {1}: megapixels.</summary>
    TooManyPixels,

    /// <summary>Shorter side under <see cref="PhotoRules.MinShortSide"/>. Argument {0}: the minimum in px.</summary>
    TooSmall,

    /// <summary>Starts like a JPEG, PNG or WebP but cannot be decoded completely (truncated, damaged).</summary>
    Corrupt,
}

public static class PhotoProblems
{
    /// <summary>The key of the problem's message in <c>Localization/Strings/photos.json</c>.</summary>
    public static string MessageKey(PhotoProblem problem) => problem switch
    {
        PhotoProblem.Empty => "Photos.Empty",
        PhotoProblem.TooLarge => "Photos.TooLarge",
        PhotoProblem.NotAnImage => "Photos.NotAnImage",
        PhotoProblem.UnsupportedFormat => "Photos.UnsupportedFormat",
        PhotoProblem.TooManyPixels => "Photos.TooManyPixels",
        PhotoProblem.TooSmall => "Photos.TooSmall",
        PhotoProblem.Corrupt => "Photos.Corrupt",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "Unknown photo problem."),
    };

    /// <summary>The values the problem's message shows, in placeholder order ({0}, {1}).</summary>
    public static IReadOnlyList<object> MessageArguments(PhotoProblem problem, PhotoRules rules, string? formatName = null) => problem switch
    {
        PhotoProblem.TooLarge => [rules.MaxUploadMegabytes],
        PhotoProblem.UnsupportedFormat => [formatName ?? "?"],
        PhotoProblem.TooManyPixels => [rules.MaxSide, rules.MaxMegapixels],
        PhotoProblem.TooSmall => [rules.MinShortSide],
        _ => [],
    };
}
