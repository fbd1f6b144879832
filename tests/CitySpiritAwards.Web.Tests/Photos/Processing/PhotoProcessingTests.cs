using ImageMagick;
using CitySpiritAwards.Web.Photos.Processing;

namespace CitySpiritAwards.Web.Tests.Photos.Processing;

/// <summary>Accepted photos come out upright, clean of metadata, and in the two sizes the pages show.</summary>
public sealed class PhotoProcessingTests
{
    private readonly PhotoProcessor _processor = new();

    private async Task<PhotoResult.Accepted> AcceptAsync(byte[] upload) =>
        Assert.IsType<PhotoResult.Accepted>(await _processor.ProcessAsync(new MemoryStream(upload), CancellationToken.None));

    [Fact]
    public async Task A_rotated_phone_photo_with_GPS_comes_out_upright_and_without_any_metadata()
    {
        var upload = TestImages.PhoneJpegWithGpsRotated();
        using (var original = new MagickImage(upload))
        {
            Assert.NotNull(original.GetExifProfile()?.GetValue(ExifTag.GPSLatitude));
            Assert.Equal(Orientation.RightTop, original.Orientation);
        }

        var photo = await AcceptAsync(upload);

        Assert.Equal(PhotoFormat.Jpeg, photo.SourceFormat);
        foreach (var rendition in new[] { photo.Display, photo.Thumbnail })
        {
            Assert.Equal("image/jpeg", rendition.ContentType);
            using var image = new MagickImage(rendition.Content);
            Assert.Equal(MagickFormat.Jpeg, image.Format);
            Assert.Null(image.GetExifProfile());
            Assert.Null(image.GetIptcProfile());
            Assert.Null(image.GetXmpProfile());
            Assert.Null(image.GetColorProfile());
            Assert.Empty(image.ProfileNames);
            Assert.True(string.IsNullOrEmpty(image.Comment));
            Assert.Equal((int)image.Width, rendition.Width);
            Assert.Equal((int)image.Height, rendition.Height);
        }
        // Stored 600 × 400 lying on its side; shown 400 × 600 with the red corner turned to the top right.
        Assert.Equal((400, 600), (photo.Display.Width, photo.Display.Height));
        Assert.Equal((267, 400), (photo.Thumbnail.Width, photo.Thumbnail.Height));
        Assert.True(IsRed(ColorAt(photo.Display, 0.9, 0.1)));
        Assert.False(IsRed(ColorAt(photo.Display, 0.1, 0.1)));
        Assert.False(IsRed(ColorAt(photo.Display, 0.9, 0.9)));
    }

    [Theory]
    [InlineData(MagickFormat.Jpeg, PhotoFormat.Jpeg)]
    [InlineData(MagickFormat.Png, PhotoFormat.Png)]
    [InlineData(MagickFormat.WebP, PhotoFormat.WebP)]
    public async Task A_large_photo_is_scaled_to_the_display_and_thumbnail_sizes_keeping_its_shape(MagickFormat format, PhotoFormat expected)
    {
        var photo = await AcceptAsync(TestImages.Encode(3000, 2000, format));

        Assert.Equal(expected, photo.SourceFormat);
        Assert.Equal((1600, 1067), (photo.Display.Width, photo.Display.Height));
        Assert.Equal((400, 267), (photo.Thumbnail.Width, photo.Thumbnail.Height));
        Assert.All(new[] { photo.Display, photo.Thumbnail }, r => Assert.Equal("image/jpeg", r.ContentType));
        Assert.True(IsRed(ColorAt(photo.Display, 0.1, 0.1)));
        Assert.False(IsRed(ColorAt(photo.Display, 0.5, 0.5)));
    }

    /// <summary>Large JPEGs are decoded at a reduced scale; the display size must still be full, never smaller or enlarged.</summary>
    [Theory]
    [InlineData(4032u, 3024u, 1600, 1200)]
    [InlineData(6400u, 4000u, 1600, 1000)]
    [InlineData(5200u, 5200u, 1600, 1600)]
    [InlineData(3300u, 1000u, 1600, 485)]
    public async Task A_camera_size_jpeg_fills_the_display_size(uint width, uint height, int displayWidth, int displayHeight)
    {
        var photo = await AcceptAsync(TestImages.Encode(width, height, MagickFormat.Jpeg));

        Assert.Equal((displayWidth, displayHeight), (photo.Display.Width, photo.Display.Height));
        Assert.True(IsRed(ColorAt(photo.Display, 0.1, 0.1)));
        Assert.False(IsRed(ColorAt(photo.Display, 0.5, 0.5)));
    }

    [Fact]
    public async Task A_small_photo_is_not_enlarged()
    {
        var photo = await AcceptAsync(TestImages.Encode(800, 600, MagickFormat.Png));

        Assert.Equal((800, 600), (photo.Display.Width, photo.Display.Height));
        Assert.Equal((400, 300), (photo.Thumbnail.Width, photo.Thumbnail.Height));
    }

    [Fact]
    public async Task A_photo_exactly_at_the_minimum_size_is_accepted()
    {
        var photo = await AcceptAsync(TestImages.Encode((uint)PhotoRules.Default.MinShortSide * 2, (uint)PhotoRules.Default.MinShortSide, MagickFormat.Jpeg));

        Assert.Equal((400, 200), (photo.Display.Width, photo.Display.Height));
    }

    [Fact]
    public async Task A_transparent_png_gets_a_white_background_not_a_black_one()
    {
        var photo = await AcceptAsync(TestImages.TransparentPng(800, 600));

        var background = ColorAt(photo.Display, 0.7, 0.7);
        Assert.True(background.R > 245 && background.G > 245 && background.B > 245, $"background is {background}");
        Assert.True(IsRed(ColorAt(photo.Display, 0.1, 0.1)));
    }

    [Fact]
    public async Task An_animated_webp_becomes_a_still_of_its_first_frame()
    {
        var photo = await AcceptAsync(TestImages.AnimatedWebP());

        Assert.Equal(PhotoFormat.WebP, photo.SourceFormat);
        Assert.Equal((400, 300), (photo.Display.Width, photo.Display.Height));
        Assert.True(IsRed(ColorAt(photo.Display, 0.5, 0.5)));
    }

    [Fact]
    public async Task An_upload_exactly_at_the_size_limit_is_accepted_and_one_byte_over_it_is_too_large()
    {
        var upload = TestImages.Encode(400, 300, MagickFormat.Jpeg);

        var atLimit = await new PhotoProcessor(new PhotoRules { MaxUploadBytes = upload.Length }).ProcessAsync(new MemoryStream(upload), CancellationToken.None);
        var overLimit = await new PhotoProcessor(new PhotoRules { MaxUploadBytes = upload.Length - 1 }).ProcessAsync(new MemoryStream(upload), CancellationToken.None);

        Assert.IsType<PhotoResult.Accepted>(atLimit);
        Assert.Equal(PhotoProblem.TooLarge, Assert.IsType<PhotoResult.Refused>(overLimit).Problem);
    }

    private static IMagickColor<byte> ColorAt(PhotoRendition rendition, double x, double y)
    {
        using var image = new MagickImage(rendition.Content);
        using var pixels = image.GetPixels();
        return pixels.GetPixel((int)(image.Width * x), (int)(image.Height * y)).ToColor()!;
    }

    private static bool IsRed(IMagickColor<byte> color) => color.R > 180 && color.G < 90 && color.B < 90;
}
