using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Bench.Photos;
using DxPilot.Infrastructure.Photos;
using DxPilot.Web.Tests.Support;
using SkiaSharp;

namespace DxPilot.Web.Tests;

/// <summary>
/// A camera-sized JPEG is hashed from its luma DC terms (<see cref="JpegDcLuma"/>) instead of libjpeg's 1/8-scale decode: the
/// grid must be libjpeg's luma to rounding whatever the chroma sampling and with restart markers, the hash within a bit or two of
/// libjpeg's pixels', a cut file unreadable, and copies still the same picture.
/// </summary>
public sealed class JpegDcLumaTests
{
    private const int HashSide = 256;

    [Theory]
    [InlineData(SKJpegEncoderDownsample.Downsample420)]
    [InlineData(SKJpegEncoderDownsample.Downsample422)]
    [InlineData(SKJpegEncoderDownsample.Downsample444)]
    public void The_luma_is_libjpegs_eighth_scale_luma_and_hashes_alike(SKJpegEncoderDownsample sampling)
    {
        using var picture = TestPhotos.Picture(2600, 1950, seed: 21, grain: 12);
        AssertAsLibjpeg(Encode(picture, 88, sampling));
    }

    [Fact]
    public void A_grey_jpeg_is_read_as_its_one_component()
    {
        using var colour = TestPhotos.Picture(2400, 1800, seed: 22);
        using var grey = colour.Copy(SKColorType.Gray8);
        using var data = grey.Encode(SKEncodedImageFormat.Jpeg, 90);
        AssertAsLibjpeg(data.ToArray());
    }

    [Fact]
    public void Restart_markers_are_followed()
    {
        var jpeg = WithRestarts(seed: 23, out var intervals);
        Assert.True(intervals > 8, "more restart intervals than the eight marker numbers");
        // One band repeated: its hash's coefficients are all near the median, so only the luma is compared.
        AssertAsLibjpeg(jpeg, hashes: false);
    }

    [Fact]
    public void A_camera_sized_jpeg_cut_short_is_unreadable_with_or_without_restart_markers()
    {
        using var picture = TestPhotos.Picture(2600, 1950, seed: 24, grain: 12);
        var plain = TestPhotos.Jpeg(picture, 88);
        var restarted = WithRestarts(seed: 24, out _);
        foreach (var jpeg in new[] { plain, restarted })
            foreach (var cut in new[] { 0.3, 0.9, 0.999 })
            {
                var part = jpeg[..(int)(jpeg.Length * cut)];
                Assert.Null(JpegDcLuma.Read(part, HashSide));
                var facts = PhotoReader.Read(part, PhotoRules.Default).Facts;
                Assert.Equal(PhotoKind.Unreadable, facts.Kind);
                Assert.Null(facts.Hash);
            }
    }

    [Theory]
    [InlineData(95, 1.0)]
    [InlineData(30, 1.0)]
    [InlineData(85, 0.5)]
    [InlineData(85, 0.25)]
    [InlineData(60, 0.1)]
    public void Copies_of_a_camera_sized_photo_are_the_same_picture_whichever_way_each_is_hashed(int quality, double scale)
    {
        var original = TestPhotos.Photo(25, width: 4000, height: 3000, quality: 90);
        var copy = PhotoReader.Read(TestPhotos.Reencoded(original, quality, scale), PhotoRules.Default).Facts;
        var other = PhotoReader.Read(TestPhotos.Photo(26, width: 4000, height: 3000, quality: 90), PhotoRules.Default).Facts;
        var hash = PhotoReader.Read(original, PhotoRules.Default).Facts.Hash!.Value;
        Assert.True(PerceptualHash.Distance(hash, copy.Hash!.Value) <= PerceptualHash.SamePictureDistance);
        Assert.True(PerceptualHash.Distance(hash, other.Hash!.Value) > PerceptualHash.SamePictureDistance);
    }

    [Fact]
    public void A_picture_too_small_for_the_eighth_scale_is_left_to_libjpeg()
    {
        Assert.Null(JpegDcLuma.Read(TestPhotos.Photo(27, width: 2040, height: 1500), HashSide));
        Assert.NotNull(JpegDcLuma.Read(TestPhotos.Photo(27, width: 2048, height: 1500), HashSide));
    }

    /// <summary>Each block's luma within one grey level of libjpeg's 1/8-scale decode (its colour conversion rounds), the
    /// full size as libjpeg reports it, and the hash the reader gives, next to libjpeg's pixels'.</summary>
    private static void AssertAsLibjpeg(byte[] jpeg, bool hashes = true)
    {
        var luma = JpegDcLuma.Read(jpeg, HashSide);
        Assert.NotNull(luma);
        using var codec = SKCodec.Create(new SKMemoryStream(jpeg));
        Assert.Equal((codec.Info.Width, codec.Info.Height), (luma.Width, luma.Height));
        var eighth = codec.GetScaledDimensions(0.125f);
        Assert.Equal((eighth.Width, eighth.Height), (luma.GreyWidth, luma.GreyHeight));
        using var pixels = new SKBitmap(new SKImageInfo(eighth.Width, eighth.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(pixels.Info, pixels.GetPixels()));
        var rgba = pixels.GetPixelSpan();
        var worst = 0d;
        for (var y = 0; y < eighth.Height; y++)
            for (var x = 0; x < eighth.Width; x++)
            {
                var p = y * pixels.RowBytes + x * 4;
                var libjpeg = 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2];
                worst = Math.Max(worst, Math.Abs(libjpeg - luma.Grey[y * luma.Stride + x]));
            }
        Assert.True(worst <= 1.0, $"a block differs from libjpeg's luma by {worst:0.0}");
        if (!hashes) return;
        // Rounding can tip a coefficient lying at the median: at most a bit or two, against 7 allowed (the measured drift is
        // in docs/measurements-photos.md).
        var hash = PhotoHasher.Hash(luma, 1);
        Assert.Equal(hash, PhotoReader.Read(jpeg, PhotoRules.Default).Facts.Hash);
        Assert.True(PerceptualHash.Distance(PhotoHasher.Hash(pixels, 1), hash) <= 2);
    }

    private static byte[] Encode(SKBitmap picture, int quality, SKJpegEncoderDownsample sampling)
    {
        using var pixmap = picture.PeekPixels()!;
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, sampling, SKJpegEncoderAlphaOption.Ignore))!;
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG with a restart marker after every MCU row, which Skia's encoder does not write. One band of 16 lines (one MCU row
    /// at 4:2:0) is encoded alone; the picture is that band repeated, its scan joined to itself with RST0-RST7 under the band's
    /// headers (the same optimised tables serve every copy), the frame's height and a DRI segment. Each copy's scan starts its
    /// DC predictions afresh and ends padded to a byte, which is exactly what a restart does.
    /// </summary>
    private static byte[] WithRestarts(int seed, out int intervals)
    {
        const int width = 2400, band = 16;
        intervals = 100;
        using var picture = TestPhotos.Picture(width, band, seed, grain: 12);
        var jpeg = Encode(picture, 88, SKJpegEncoderDownsample.Downsample420);
        var (data, end) = ScanOf(jpeg);
        var headers = jpeg[..data];
        // The frame's height (SOF0: FF C0, length, precision, height) becomes the whole picture's.
        var sof = headers.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        headers[sof + 5] = (byte)((band * intervals) >> 8);
        headers[sof + 6] = (byte)((band * intervals) & 0xFF);
        var sos = headers.Length - SosLength(headers);
        var output = new MemoryStream();
        output.Write(headers.AsSpan(0, sos));
        output.Write([0xFF, 0xDD, 0x00, 0x04, 0x00, width / 16]); // DRI: one MCU row per interval
        output.Write(headers.AsSpan(sos));
        for (var i = 0; i < intervals; i++)
        {
            if (i > 0) output.Write([0xFF, (byte)(0xD0 + (i - 1) % 8)]);
            output.Write(jpeg.AsSpan(data, end - data));
        }
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    /// <summary>Where the scan's data starts (after the SOS segment) and ends (at EOI).</summary>
    private static (int Data, int End) ScanOf(byte[] jpeg)
    {
        var at = 2;
        while (jpeg[at + 1] != 0xDA) at += 2 + (jpeg[at + 2] << 8 | jpeg[at + 3]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        return (at + 2 + (jpeg[at + 2] << 8 | jpeg[at + 3]), jpeg.Length - 2);
    }

    /// <summary>The length of the SOS segment the headers end with.</summary>
    private static int SosLength(byte[] headers)
    {
        var at = 2;
        while (headers[at + 1] != 0xDA) at += 2 + (headers[at + 2] << 8 | headers[at + 3]);
        return headers.Length - at;
    }
}
