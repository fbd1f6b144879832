using System.Buffers.Binary;
using ImageMagick;
using ImageMagick.Drawing;

namespace CitySpiritAwards.Web.Tests.Photos.Processing;

/// <summary>Photos made in code: blue, with a red block in the top-left quarter so orientation can be seen.</summary>
internal static class TestImages
{
    public static readonly MagickColor Blue = new("#2050C0");
    public static readonly MagickColor Red = new("#E01010");

    public static MagickImage Picture(uint width, uint height, MagickColor? background = null)
    {
        var image = new MagickImage(background ?? Blue, width, height);
        image.Draw(new Drawables().FillColor(Red).Rectangle(0, 0, width / 4.0, height / 4.0));
        return image;
    }

    public static byte[] Encode(uint width, uint height, MagickFormat format)
    {
        using var image = Picture(width, height);
        return image.ToByteArray(format);
    }

    /// <summary>
    /// A landscape 600 × 400 as stored by a phone held upright: EXIF orientation 6 (rotate 90° clockwise to view),
    /// with GPS coordinates, camera make, an IPTC city, XMP and a comment.
    /// </summary>
    public static byte[] PhoneJpegWithGpsRotated()
    {
        using var image = Picture(600, 400);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Fictional Phone");
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(31, 1), new Rational(13, 1), new Rational(5, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(121, 1), new Rational(28, 1), new Rational(30, 1)]);
        image.SetProfile(exif);
        image.Orientation = Orientation.RightTop; // On writing, ImageMagick copies this into the EXIF tag, if there is one.
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, "Shanghai");
        image.SetProfile(iptc);
        image.SetProfile(new XmpProfile("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'/></x:xmpmeta>"u8.ToArray()));
        image.SetProfile(ColorProfiles.AdobeRGB1998);
        image.Comment = "Home: 123 Fictional Road";
        image.Quality = 90;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    public static byte[] TransparentPng(uint width, uint height)
    {
        using var image = Picture(width, height, MagickColors.Transparent);
        return image.ToByteArray(MagickFormat.Png);
    }

    /// <summary>Two frames: red, then blue.</summary>
    public static byte[] AnimatedWebP()
    {
        using var frames = new MagickImageCollection();
        foreach (var color in new[] { Red, Blue })
            frames.Add(new MagickImage(color, 400, 300) { AnimationDelay = 50 });
        return frames.ToByteArray(MagickFormat.WebP);
    }

    /// <summary>
    /// A 1 × 1 PNG whose IHDR claims another size (with a correct CRC): a few hundred bytes that would decode to
    /// <paramref name="width"/> × <paramref name="height"/> pixels if anything believed the header.
    /// </summary>
    public static byte[] PngClaiming(uint width, uint height)
    {
        using var image = new MagickImage(MagickColors.White, 1, 1);
        var png = image.ToByteArray(MagickFormat.Png);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A small JPEG whose start-of-frame marker claims another size.</summary>
    public static byte[] JpegClaiming(ushort width, ushort height)
    {
        var jpeg = Encode(300, 300, MagickFormat.Jpeg);
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), height);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), width);
        return jpeg;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}

/// <summary>An upload that never ends and counts what it hands out; it fails the test if asked for more than allowed.</summary>
internal sealed class EndlessUpload(byte[] start, long allowedBytes) : Stream
{
    public long BytesServed { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
            return 0;
        if (BytesServed >= allowedBytes)
            throw new InvalidOperationException($"Read past {allowedBytes} bytes.");
        var n = (int)Math.Min(buffer.Length, allowedBytes - BytesServed);
        for (var i = 0; i < n; i++)
        {
            var position = BytesServed + i;
            buffer[i] = position < start.Length ? start[position] : (byte)0;
        }
        BytesServed += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesServed; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
