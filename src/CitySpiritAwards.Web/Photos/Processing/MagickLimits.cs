using ImageMagick;

namespace CitySpiritAwards.Web.Photos.Processing;

/// <summary>
/// ImageMagick's process-wide resource limits: a second line of defence behind the header checks in
/// <see cref="PhotoProcessor"/>, for anything that slips past them (e.g. a header that lies).
/// Width and height are hard limits (reads fail with "WidthOrHeightExceedsLimit"); area and memory are soft in
/// ImageMagick 7 (a larger pixel cache moves to disk instead of failing) but keep memory use in check.
/// </summary>
internal static class MagickLimits
{
    /// <summary>Pixel caches beyond this, across all images being processed at once, spill to disk.</summary>
    private const ulong MemoryBytes = 512UL * 1024 * 1024;

    private static readonly Lock Gate = new();
    private static int _side;
    private static long _pixels;

    /// <summary>Applies the limits for these rules; only ever raises what an earlier call set, so one processor can not starve another.</summary>
    public static void Apply(PhotoRules rules)
    {
        lock (Gate)
        {
            if (rules.MaxSide <= _side && rules.MaxPixels <= _pixels)
                return;
            _side = Math.Max(_side, rules.MaxSide);
            _pixels = Math.Max(_pixels, rules.MaxPixels);
            ResourceLimits.Width = (ulong)_side;
            ResourceLimits.Height = (ulong)_side;
            ResourceLimits.Area = (ulong)_pixels;
            ResourceLimits.Memory = Math.Min(ResourceLimits.Memory, MemoryBytes);
        }
    }
}
