using System.Net;
using System.Net.Sockets;
using System.Text;
using ImageMagick;
using CitySpiritAwards.Web.Photos.Processing;

namespace CitySpiritAwards.Web.Tests.Photos.Processing;

/// <summary>Bad uploads are refused with the reason a user can act on.</summary>
public sealed class PhotoProcessingRefusalTests
{
    private readonly PhotoProcessor _processor = new();

    private async Task<PhotoResult.Refused> RefuseAsync(Stream upload) =>
        Assert.IsType<PhotoResult.Refused>(await _processor.ProcessAsync(upload, CancellationToken.None));

    private Task<PhotoResult.Refused> RefuseAsync(byte[] upload) => RefuseAsync(new MemoryStream(upload));

    [Fact]
    public async Task A_zero_byte_file_is_empty()
    {
        var refusal = await RefuseAsync([]);

        Assert.Equal(PhotoProblem.Empty, refusal.Problem);
    }

    [Fact]
    public async Task An_endless_upload_is_too_large_after_reading_one_byte_past_the_limit()
    {
        var limit = PhotoRules.Default.MaxUploadBytes;
        var upload = new EndlessUpload(TestImages.Encode(400, 300, MagickFormat.Jpeg), allowedBytes: limit + 1);

        var refusal = await RefuseAsync(upload);

        Assert.Equal(PhotoProblem.TooLarge, refusal.Problem);
        Assert.Equal(limit + 1, upload.BytesServed);
        Assert.Equal([10.0], refusal.MessageArguments);
    }

    [Fact]
    public async Task A_seekable_upload_over_the_limit_is_too_large_without_being_read()
    {
        var upload = new MemoryStream(new byte[PhotoRules.Default.MaxUploadBytes + 1]);

        var refusal = await RefuseAsync(upload);

        Assert.Equal(PhotoProblem.TooLarge, refusal.Problem);
        Assert.Equal(0, upload.Position);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("<html><body>not a photo</body></html>")]
    [InlineData("{\"photo\": \"photo.jpg\"}")]
    public async Task Text_named_like_a_photo_is_not_an_image(string text)
    {
        var refusal = await RefuseAsync(Encoding.UTF8.GetBytes(text));

        Assert.Equal(PhotoProblem.NotAnImage, refusal.Problem);
    }

    [Theory]
    [InlineData(MagickFormat.Gif, "GIF")]
    [InlineData(MagickFormat.Bmp, "BMP")]
    [InlineData(MagickFormat.Tiff, "TIFF")]
    public async Task Images_in_other_formats_are_refused_by_name(MagickFormat format, string name)
    {
        var refusal = await RefuseAsync(TestImages.Encode(400, 300, format));

        Assert.Equal(PhotoProblem.UnsupportedFormat, refusal.Problem);
        Assert.Equal([name], refusal.MessageArguments);
    }

    [Theory]
    [InlineData("\0\0\0\u0018ftypheic\0\0\0\0mif1heic", "HEIC")]
    [InlineData("\0\0\0\u001cftypavif\0\0\0\0avifmif1miaf", "AVIF")]
    [InlineData("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF")]
    public async Task Iphone_photos_avif_and_pdf_are_refused_by_name(string start, string name)
    {
        var refusal = await RefuseAsync(Encoding.Latin1.GetBytes(start + new string('\0', 64)));

        Assert.Equal(PhotoProblem.UnsupportedFormat, refusal.Problem);
        Assert.Equal([name], refusal.MessageArguments);
    }

    [Fact]
    public async Task An_svg_is_refused_and_never_rendered_so_its_links_are_never_fetched()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var svg = $"""
            <?xml version="1.0"?>
            <!DOCTYPE svg [ <!ENTITY secret SYSTEM "{url}/entity"> ]>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="600">
              <image xlink:href="{url}/image.png" width="800" height="600"/>
              <text>&secret;</text>
            </svg>
            """;

        var refusal = await RefuseAsync(Encoding.UTF8.GetBytes(svg));

        Assert.Equal(PhotoProblem.UnsupportedFormat, refusal.Problem);
        Assert.Equal(["SVG"], refusal.MessageArguments);
        // ImageMagick would happily draw this (800 × 600, through librsvg): the refusal shows it never got the bytes,
        // and any fetch of its links would have connected during the call; nothing is waiting to be accepted.
        Assert.False(listener.Pending());
    }

    [Theory]
    [InlineData(MagickFormat.Jpeg)]
    [InlineData(MagickFormat.Png)]
    [InlineData(MagickFormat.WebP)]
    public async Task The_first_half_of_a_photo_is_corrupt(MagickFormat format)
    {
        using var image = new MagickImage("gradient:#2050C0-#E0A010", 800, 600);
        var whole = image.ToByteArray(format);

        var refusal = await RefuseAsync(whole[..(whole.Length / 2)]);

        Assert.Equal(PhotoProblem.Corrupt, refusal.Problem);
    }

    [Fact]
    public async Task A_jpeg_cut_just_before_its_end_marker_is_corrupt()
    {
        var whole = TestImages.Encode(800, 600, MagickFormat.Jpeg);

        var refusal = await RefuseAsync(whole[..^2]);

        Assert.Equal(PhotoProblem.Corrupt, refusal.Problem);
    }

    [Fact]
    public async Task Garbage_after_a_jpeg_signature_is_corrupt()
    {
        var bytes = new byte[5000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF;

        var refusal = await RefuseAsync(bytes);

        Assert.Equal(PhotoProblem.Corrupt, refusal.Problem);
    }

    /// <summary>
    /// Each file holds a single pixel of data: decoding it would fail as corrupt, so "too many pixels" shows the
    /// header was checked before any decode. 30000 a side is past ImageMagick's own limit too; 7100 × 7100 is within
    /// it but over the 40 megapixels, and 8000 × 6000 is the 48 MP of a "decompression bomb" a probe sent (140 KB each).
    /// </summary>
    [Theory]
    [InlineData(30000u, 30000u)]
    [InlineData(9000u, 300u)]
    [InlineData(7100u, 7100u)]
    [InlineData(8000u, 6000u)]
    public async Task A_png_whose_header_claims_too_many_pixels_is_refused_before_decoding(uint width, uint height)
    {
        var upload = TestImages.PngClaiming(width, height);
        Assert.True(upload.Length < 1000);

        var refusal = await RefuseAsync(upload);

        Assert.Equal(PhotoProblem.TooManyPixels, refusal.Problem);
        Assert.Equal([8192, 40.0], refusal.MessageArguments);
    }

    [Theory]
    [InlineData(30000, 30000)]
    [InlineData(7100, 7100)]
    [InlineData(8000, 6000)]
    public async Task A_jpeg_whose_header_claims_too_many_pixels_is_refused_before_decoding(int width, int height)
    {
        var refusal = await RefuseAsync(TestImages.JpegClaiming((ushort)width, (ushort)height));

        Assert.Equal(PhotoProblem.TooManyPixels, refusal.Problem);
    }

    [Theory]
    [InlineData(150u, 300u)]
    [InlineData(1200u, 120u)]
    [InlineData(64u, 64u)]
    public async Task A_photo_too_small_to_show_is_refused(uint width, uint height)
    {
        var refusal = await RefuseAsync(TestImages.Encode(width, height, MagickFormat.Png));

        Assert.Equal(PhotoProblem.TooSmall, refusal.Problem);
        Assert.Equal([200], refusal.MessageArguments);
    }
}
