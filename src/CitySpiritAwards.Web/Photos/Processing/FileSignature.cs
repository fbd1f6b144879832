using System.Buffers.Binary;
using System.Text;

namespace CitySpiritAwards.Web.Photos.Processing;

/// <summary>What the first bytes of a file say it is: an accepted format, another known format (named), or neither.</summary>
internal readonly record struct Signature(PhotoFormat? Accepted, string? OtherFormat);

/// <summary>
/// Tells formats apart by their magic numbers. Only bytes that start like JPEG, PNG or WebP are ever handed to
/// ImageMagick, and then with that decoder forced, so SVG (external entities, network fetches), PDF/PostScript
/// (Ghostscript), MSL/MVG scripts and the rest of its coders never see an upload.
/// </summary>
internal static class FileSignature
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegXlCodestream => [0xFF, 0x0A];
    private static ReadOnlySpan<byte> JpegXlContainer => [0, 0, 0, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' '];
    private static ReadOnlySpan<byte> Jpeg2000Container => [0, 0, 0, 0x0C, (byte)'j', (byte)'P', (byte)' ', (byte)' '];
    private static ReadOnlySpan<byte> Jpeg2000Codestream => [0xFF, 0x4F, 0xFF, 0x51];

    private const int TextSniffLength = 4096;

    public static Signature Identify(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Jpeg))
            return new(PhotoFormat.Jpeg, null);
        if (bytes.StartsWith(Png))
            return new(PhotoFormat.Png, null);
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return new(PhotoFormat.WebP, null);
        return new(null, OtherImageFormat(bytes));
    }

    /// <summary>
    /// The width and height in a PNG's IHDR, which the format requires to be the first chunk. Used only when
    /// ImageMagick will not even ping the file: libpng enforces ImageMagick's width/height resource limits while
    /// reading the header and then reports a plain "Invalid IHDR data".
    /// </summary>
    public static bool TryReadPngSize(ReadOnlySpan<byte> bytes, out long width, out long height)
    {
        width = height = 0;
        if (bytes.Length < 24 || !bytes.StartsWith(Png) || !bytes[12..16].SequenceEqual("IHDR"u8))
            return false;
        width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..20]);
        height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..24]);
        return true;
    }

    private static string? OtherImageFormat(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
            return "GIF";
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8) || b.StartsWith("II+\0"u8) || b.StartsWith("MM\0+"u8))
            return "TIFF";
        if (b.Length >= 18 && b.StartsWith("BM"u8) && BinaryPrimitives.ReadUInt32LittleEndian(b[14..18]) is 12 or 40 or 52 or 56 or 64 or 108 or 124)
            return "BMP";
        if (b.StartsWith("%PDF-"u8))
            return "PDF";
        if (b.StartsWith("8BPS"u8))
            return "PSD";
        if (b.StartsWith(JpegXlCodestream) || b.StartsWith(JpegXlContainer))
            return "JPEG XL";
        if (b.StartsWith(Jpeg2000Container) || b.StartsWith(Jpeg2000Codestream))
            return "JPEG 2000";
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8))
            return HeifBrand(b[8..12]);
        return LooksLikeSvg(b) ? "SVG" : null;
    }

    /// <summary>ISO base media files (ftyp box): iPhone HEIC photos and AVIF are images; MP4/MOV videos are not.</summary>
    private static string? HeifBrand(ReadOnlySpan<byte> brand) => Encoding.ASCII.GetString(brand) switch
    {
        "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" => "HEIC",
        "mif1" or "msf1" => "HEIF",
        "avif" or "avis" => "AVIF",
        _ => null,
    };

    private static bool LooksLikeSvg(ReadOnlySpan<byte> b)
    {
        var head = b[..Math.Min(b.Length, TextSniffLength)];
        var text = head switch
        {
            [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(head[2..]),
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(head[2..]),
            [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(head[3..]),
            _ => Encoding.UTF8.GetString(head),
        };
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.StartsWith('<') && trimmed.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
