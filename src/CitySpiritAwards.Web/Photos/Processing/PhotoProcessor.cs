using ImageMagick;
using ImageMagick.Formats;

namespace CitySpiritAwards.Web.Photos.Processing;

/// <summary>
/// Turns an untrusted upload into two clean JPEGs (display and thumbnail), or says why it can not, in two parts: the
/// cheap <see cref="InspectAsync"/> and the expensive <see cref="Decode"/>, which callers bound (<see cref="PhotoDecodeGate"/>).
/// Steps, each able to refuse: read at most <see cref="PhotoRules.MaxUploadBytes"/> + 1 bytes; identify the format
/// from the bytes (JPEG, PNG, WebP only); read width and height from the header alone (ping) and check them before
/// anything is decoded; decode with that format's decoder forced, refusing truncated data; then turn the photo upright
/// (EXIF orientation), convert it to sRGB, drop transparency onto white, strip every profile and comment (EXIF with GPS,
/// IPTC, XMP, ICC) and re-encode. Animated WebP (and APNG) keep their first frame.
/// Thread-safe; register as a singleton. The first instance sets ImageMagick's process-wide resource limits.
/// </summary>
public sealed class PhotoProcessor
{
    private readonly PhotoRules _rules;
    private long _decodesStarted;

    public PhotoProcessor()
        : this(PhotoRules.Default)
    {
    }

    public PhotoProcessor(PhotoRules rules)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rules.MaxUploadBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rules.MaxUploadBytes, Array.MaxLength);
        _rules = rules;
        MagickLimits.Apply(rules);
    }

    public PhotoRules Rules => _rules;

    /// <summary>Decodes started since this processor was made: how tests see that a refusal came before any decode.</summary>
    public long DecodesStarted => Interlocked.Read(ref _decodesStarted);

    /// <summary><see cref="InspectAsync"/>, then <see cref="Decode"/>.</summary>
    public async Task<PhotoResult> ProcessAsync(Stream upload, CancellationToken cancellationToken)
    {
        var inspection = await InspectAsync(upload, cancellationToken);
        return inspection.Refusal ?? Decode(inspection.Upload!, cancellationToken);
    }

    /// <summary>
    /// The cheap checks: reads at most the size limit + 1 byte, tells the format from the bytes, and reads width and height
    /// from the header alone. No pixel is decoded: what passes is ready for <see cref="Decode"/>.
    /// </summary>
    public async Task<PhotoInspection> InspectAsync(Stream upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var bytes = await CappedUpload.ReadAsync(upload, _rules.MaxUploadBytes, cancellationToken);
        if (bytes is not { } content)
            return new(Refuse(PhotoProblem.TooLarge), null);
        if (content.IsEmpty)
            return new(Refuse(PhotoProblem.Empty), null);
        var signature = FileSignature.Identify(content.Span);
        if (signature.Accepted is not { } format)
            return new(signature.OtherFormat is { } other
                ? Refuse(PhotoProblem.UnsupportedFormat, formatName: other)
                : Refuse(PhotoProblem.NotAnImage), null);
        var header = ReadHeader(content.Span, format);
        return header.Refusal is { } refused
            ? new(refused, null)
            : new(null, new PhotoUpload(content, format, header.Width, header.Height));
    }

    /// <summary>The expensive part, CPU and memory bound: decodes, cleans and re-encodes an inspected upload.</summary>
    public PhotoResult Decode(PhotoUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _decodesStarted);
        var bytes = upload.Bytes.Span;
        var format = upload.Format;
        using var image = new MagickImage();
        var warnings = new List<string>();
        image.Warning += (_, e) => warnings.Add(e.Message);
        try
        {
            image.Read(bytes, DecodeSettings(format, new Header(upload.Width, upload.Height, null)));
        }
        catch (MagickException ex) when (IsOverLimit(ex))
        {
            return Refuse(PhotoProblem.TooManyPixels, detail: ex.Message);
        }
        catch (MagickException ex)
        {
            return Refuse(PhotoProblem.Corrupt, detail: ex.Message);
        }
        // libjpeg decodes a truncated file to the end, fills the rest with grey and only warns.
        if (warnings.FirstOrDefault(IsTruncation) is { } truncation)
            return Refuse(PhotoProblem.Corrupt, detail: truncation);
        cancellationToken.ThrowIfCancellationRequested();

        Normalise(image);
        var display = Render(image, _rules.DisplayMaxSide, _rules.DisplayQuality);
        cancellationToken.ThrowIfCancellationRequested();
        var thumbnail = Render(image, _rules.ThumbnailMaxSide, _rules.ThumbnailQuality);
        return new PhotoResult.Accepted(display, thumbnail, format);
    }

    private readonly record struct Header(long Width, long Height, PhotoResult.Refused? Refusal);

    /// <summary>Width and height from the header only (ImageMagick's ping decodes no pixels), checked against the rules.</summary>
    private Header ReadHeader(ReadOnlySpan<byte> bytes, PhotoFormat format)
    {
        long width, height;
        try
        {
            var info = new MagickImageInfo();
            info.Read(bytes, new MagickReadSettings { Format = MagickFormatOf(format) });
            (width, height) = (info.Width, info.Height);
        }
        catch (MagickException ex)
        {
            // libpng refuses a header over ImageMagick's width/height limits before ImageMagick can report the size.
            if (format == PhotoFormat.Png && FileSignature.TryReadPngSize(bytes, out var w, out var h) && IsTooManyPixels(w, h))
                return new(w, h, Refuse(PhotoProblem.TooManyPixels, detail: $"{w}x{h}: {ex.Message}"));
            return new(0, 0, Refuse(PhotoProblem.Corrupt, detail: ex.Message));
        }
        if (IsTooManyPixels(width, height))
            return new(width, height, Refuse(PhotoProblem.TooManyPixels, detail: $"{width}x{height}"));
        if (Math.Min(width, height) < _rules.MinShortSide)
            return new(width, height, Refuse(PhotoProblem.TooSmall, detail: $"{width}x{height}"));
        return new(width, height, null);
    }

    private bool IsTooManyPixels(long width, long height) =>
        width > _rules.MaxSide || height > _rules.MaxSide || width * height > _rules.MaxPixels;

    private MagickReadSettings DecodeSettings(PhotoFormat format, Header header) => new()
    {
        Format = MagickFormatOf(format),
        FrameIndex = 0,
        FrameCount = 1,
        Defines = format == PhotoFormat.Jpeg ? ScaledJpegDecode(header.Width, header.Height) : null,
    };

    /// <summary>
    /// libjpeg can decode a JPEG at M/8 of its size directly (DCT scaling), far faster and in a fraction of the memory:
    /// a 12 MP phone photo decodes as 3 MP, a 50 MP one as 3-5 MP. This picks the smallest M that keeps the longer side
    /// at least the display size. ImageMagick turns "jpeg:size" R×R into M = round(8R / shorter side), up to 16 (so a
    /// careless R enlarges the photo, or makes it smaller than the display size); hence R = ⌈M × shorter side / 8⌉.
    /// </summary>
    private JpegReadDefines? ScaledJpegDecode(long width, long height)
    {
        var (longSide, shortSide) = (Math.Max(width, height), Math.Min(width, height));
        var eighths = (long)Math.Ceiling(8.0 * _rules.DisplayMaxSide / longSide);
        if (eighths >= 8 || shortSide < 16)
            return null;
        var size = (uint)Math.Ceiling(eighths * shortSide / 8.0);
        return new JpegReadDefines { Size = new MagickGeometry(size, size) };
    }

    private static void Normalise(MagickImage image)
    {
        image.AutoOrient();
        ConvertToSrgb(image);
        if (image.HasAlpha)
        {
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
            image.Alpha(AlphaAction.Off);
        }
        image.Strip();
    }

    private static void ConvertToSrgb(MagickImage image)
    {
        try
        {
            if (image.GetColorProfile() is not null)
                image.TransformColorSpace(ColorProfiles.SRGB);
            else if (image.ColorSpace == ColorSpace.CMYK)
                image.TransformColorSpace(ColorProfiles.USWebCoatedSWOP, ColorProfiles.SRGB);
        }
        catch (MagickException)
        {
            // A broken or mismatched embedded profile: the plain conversion below still gives a usable photo.
        }
        if (image.ColorSpace != ColorSpace.sRGB)
            image.ColorSpace = ColorSpace.sRGB;
    }

    /// <summary>Shrinks <paramref name="image"/> in place (never enlarges) and encodes it as a progressive JPEG.</summary>
    private static PhotoRendition Render(MagickImage image, int maxSide, int quality)
    {
        image.Resize(new MagickGeometry((uint)maxSide, (uint)maxSide) { Greater = true });
        image.Quality = (uint)quality;
        image.Settings.Interlace = Interlace.Plane;
        var content = image.ToByteArray(MagickFormat.Jpeg);
        return new(content, PhotoRules.OutputContentType, (int)image.Width, (int)image.Height);
    }

    private static MagickFormat MagickFormatOf(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => MagickFormat.Jpeg,
        PhotoFormat.Png => MagickFormat.Png,
        PhotoFormat.WebP => MagickFormat.WebP,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>
    /// libjpeg's "Premature end of JPEG file" (data stops before the end-of-image marker) and "Corrupt JPEG data:
    /// premature end of data segment" (a marker where compressed data should be). Other warnings, such as
    /// "extraneous bytes before marker", are common in cameras' own files and harmless.
    /// </summary>
    private static bool IsTruncation(string warning) =>
        warning.Contains("premature end", StringComparison.OrdinalIgnoreCase);

    /// <summary>The resource limits of <see cref="MagickLimits"/> tripped during the decode.</summary>
    private static bool IsOverLimit(MagickException ex) =>
        ex is MagickResourceLimitErrorException || ex.Message.Contains("WidthOrHeightExceedsLimit", StringComparison.Ordinal);

    private PhotoResult.Refused Refuse(PhotoProblem problem, string? formatName = null, string? detail = null) =>
        new(problem, PhotoProblems.MessageArguments(problem, _rules, formatName), detail ?? formatName);
}
