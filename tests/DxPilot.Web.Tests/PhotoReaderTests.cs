using System.Security.Cryptography;
using System.Text;
using DxPilot.Bench.Photos;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Infrastructure.Photos;
using SkiaSharp;

namespace DxPilot.Web.Tests;

/// <summary>
/// Reading a site-visit photo: the EXIF time and GPS the test wrote come back; copies of a picture (re-encoded, resized,
/// turned by EXIF orientation) hash as the same picture and another picture does not; hostile files are refused quickly
/// and without reading more than the limit.
/// </summary>
public sealed class PhotoReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Ten = new(2026, 3, 10, 10, 5, 30);

    private static PhotoFileFacts Read(byte[] content, PhotoRules? rules = null) => PhotoReader.Read(content, rules ?? PhotoRules.Default).Facts;

    /// <summary>Hostile input must not hang: each read gets ten seconds, far above what a normal photo takes.</summary>
    private static async Task<PhotoFileFacts> ReadBoundedAsync(byte[] content) =>
        await Task.Run(() => Read(content), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

    [Fact]
    public void The_time_offset_and_position_the_camera_wrote_are_read()
    {
        var jpeg = TestPhotos.Photo(1, new TestPhotos.Exif(Ten, "+08:00", 43.8171, 125.3235));
        var facts = Read(jpeg);

        Assert.Equal(PhotoKind.Jpeg, facts.Kind);
        Assert.Equal((800, 600), (facts.Width, facts.Height));
        Assert.Equal(jpeg.Length, facts.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(jpeg)), facts.Sha256);
        Assert.Equal(Ten, facts.TakenLocal);
        Assert.Equal(TimeSpan.FromHours(8), facts.TakenOffset);
        // Written as degrees, minutes and seconds to 1/10000 s: within a millimetre.
        Assert.Equal(43.8171, facts.Position!.Value.Latitude, 6);
        Assert.Equal(125.3235, facts.Position!.Value.Longitude, 6);
        Assert.NotNull(facts.Hash);
    }

    [Fact]
    public void South_and_west_references_make_the_position_negative()
    {
        var facts = Read(TestPhotos.Photo(1, new TestPhotos.Exif(Ten, null, -33.8568, -70.6483)));
        Assert.Equal(new GeoPoint(-33.8568, -70.6483), facts.Position!.Value with
        {
            Latitude = Math.Round(facts.Position.Value.Latitude, 6), Longitude = Math.Round(facts.Position.Value.Longitude, 6),
        });
        Assert.Null(facts.TakenOffset);
    }

    [Fact]
    public void A_time_without_an_offset_is_the_programme_zone_time()
    {
        var facts = Read(TestPhotos.Photo(1, new TestPhotos.Exif(Ten)));
        Assert.Equal(new DateTimeOffset(Ten, TimeSpan.FromHours(8)), facts.TakenAt(Domain.Text.LocalTime.Beijing));
    }

    [Fact]
    public void A_photo_without_exif_is_a_picture_without_time_or_position()
    {
        var facts = Read(TestPhotos.Photo(2));
        Assert.Equal(PhotoKind.Jpeg, facts.Kind);
        Assert.Null(facts.TakenLocal);
        Assert.Null(facts.Position);
        Assert.NotNull(facts.Hash);
    }

    [Fact]
    public void A_position_of_zero_zero_is_no_position()
    {
        Assert.Null(Read(TestPhotos.Photo(1, new TestPhotos.Exif(Ten, null, 0, 0))).Position);
    }

    [Theory]
    [InlineData(50, 1.0)]   // re-encoded at a low quality
    [InlineData(85, 0.5)]   // half the size
    [InlineData(60, 0.25)]  // a chat app's preview
    public void Re_encoded_and_resized_copies_are_the_same_picture_and_another_photo_is_not(int quality, double scale)
    {
        var original = Read(TestPhotos.Photo(11, new TestPhotos.Exif(Ten), width: 1600, height: 1200));
        var copy = Read(TestPhotos.Reencoded(TestPhotos.Photo(11, new TestPhotos.Exif(Ten), width: 1600, height: 1200), quality, scale));
        var other = Read(TestPhotos.Photo(12, new TestPhotos.Exif(Ten), width: 1600, height: 1200));

        Assert.NotEqual(original.Sha256, copy.Sha256);
        Assert.True(PerceptualHash.SamePicture(original, copy), $"distance {PerceptualHash.Distance(original.Hash!.Value, copy.Hash!.Value)}");
        Assert.False(PerceptualHash.SamePicture(original, other), $"distance {PerceptualHash.Distance(original.Hash!.Value, other.Hash!.Value)}");
    }

    [Fact]
    public void A_picture_saved_as_png_is_the_same_picture()
    {
        var jpeg = TestPhotos.Photo(13);
        using var bitmap = SKBitmap.Decode(jpeg);
        var png = Read(TestPhotos.Png(bitmap));
        Assert.Equal(PhotoKind.Png, png.Kind);
        Assert.Equal((800, 600), (png.Width, png.Height));
        Assert.True(PerceptualHash.SamePicture(Read(jpeg), png));
    }

    [Fact]
    public void A_photo_turned_by_its_exif_orientation_hashes_as_it_is_displayed()
    {
        // The camera stores the pixels unturned with orientation 6 (turn 90° clockwise to display); an editor exports the
        // turned pixels with orientation 1. Both are the same picture.
        using var stored = TestPhotos.Picture(800, 600, seed: 14);
        using var turned = new SKBitmap(new SKImageInfo(600, 800, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(turned))
        {
            canvas.Translate(600, 0);
            canvas.RotateDegrees(90);
            using var image = SKImage.FromBitmap(stored);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }
        var camera = Read(TestPhotos.WithExif(TestPhotos.Jpeg(stored, 90), new TestPhotos.Exif(Ten, Orientation: 6)));
        var exported = Read(TestPhotos.Jpeg(turned, 90));
        var unturned = Read(TestPhotos.Jpeg(stored, 90));
        Assert.True(PerceptualHash.SamePicture(camera, exported), $"distance {PerceptualHash.Distance(camera.Hash!.Value, exported.Hash!.Value)}");
        Assert.False(PerceptualHash.SamePicture(unturned, exported));
    }

    [Fact]
    public void The_thumbnail_is_a_small_jpeg_of_the_picture_as_displayed()
    {
        using var picture = TestPhotos.Picture(4000, 3000, seed: 15);
        var file = PhotoReader.Read(TestPhotos.WithExif(TestPhotos.Jpeg(picture, 85), new TestPhotos.Exif(Ten, Orientation: 6)), PhotoRules.Default);
        using var thumbnail = SKBitmap.Decode(file.Thumbnail()!);
        // Displayed upright, the 4000×3000 photo is 3000 wide and 4000 high: 360×480.
        Assert.Equal((360, 480), (thumbnail.Width, thumbnail.Height));
        Assert.Equal(PhotoKind.Jpeg, Read(file.Thumbnail()!).Kind);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>")]
    [InlineData("\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000")]
    [InlineData("MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff")]
    [InlineData("")]
    public void Html_and_programs_renamed_as_photos_are_not_images(string content)
    {
        var facts = Read(Encoding.Latin1.GetBytes(content));
        Assert.Equal(PhotoKind.NotImage, facts.Kind);
        Assert.Null(facts.Hash);
    }

    [Fact]
    public void A_heic_photo_is_recognised_by_its_ftyp_box()
    {
        byte[] heic = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, 0, 0, 0, 0x10, .. "meta"u8, .. new byte[200]];
        Assert.Equal(PhotoKind.Heic, Read(heic).Kind);
        // An MP4 video has an ftyp box too, with other brands: not a picture.
        byte[] mp4 = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8, .. new byte[200]];
        Assert.Equal(PhotoKind.NotImage, Read(mp4).Kind);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_unreadable()
    {
        var jpeg = TestPhotos.Photo(3, new TestPhotos.Exif(Ten, "+08:00", 43.8171, 125.3235));
        var facts = await ReadBoundedAsync(jpeg[..(jpeg.Length * 6 / 10)]);
        Assert.Equal(PhotoKind.Unreadable, facts.Kind);
        Assert.Null(facts.Hash);
    }

    [Fact]
    public async Task An_exif_block_with_a_thousand_entries_is_cut_off_not_followed()
    {
        var facts = await ReadBoundedAsync(TestPhotos.Photo(4, new TestPhotos.Exif(Ten, "+08:00", 43.8171, 125.3235, FillerEntries: 1000)));
        // The time and position pointers come after the thousand entries, past the cap: the photo reads as one without them.
        Assert.Equal(PhotoKind.Jpeg, facts.Kind);
        Assert.Null(facts.TakenLocal);
        Assert.NotNull(facts.Hash);
    }

    [Fact]
    public async Task An_exif_block_whose_ifds_point_back_at_themselves_ends()
    {
        var facts = await ReadBoundedAsync(TestPhotos.Photo(5, new TestPhotos.Exif(Ten, "+08:00", 43.8171, 125.3235, LoopBackToIfd0: true)));
        Assert.Equal(PhotoKind.Jpeg, facts.Kind);
        Assert.Null(facts.TakenLocal);
        Assert.Null(facts.Position);
    }

    [Fact]
    public async Task Megabytes_of_app1_segments_are_skipped_and_the_exif_after_them_is_read()
    {
        var junk = Enumerable.Range(0, 80).Select(i => TestPhotos.App1("http://ns.adobe.com/xap/1.0/\0"u8.ToArray(), new byte[65_000])).ToList();
        var jpeg = TestPhotos.Photo(6, new TestPhotos.Exif(Ten, "+08:00", 43.8171, 125.3235));
        var exifSegmentLength = 2 + (jpeg[4] << 8 | jpeg[5]);
        // SOI, 80 × 65 KB of XMP-like APP1, then the camera's EXIF APP1 and the picture.
        var hostile = TestPhotos.InsertSegments([.. jpeg[..2], .. jpeg[(2 + exifSegmentLength)..]], [.. junk, jpeg[2..(2 + exifSegmentLength)]]);
        Assert.True(hostile.Length > 5_000_000);

        var facts = await ReadBoundedAsync(hostile);
        Assert.Equal(PhotoKind.Jpeg, facts.Kind);
        Assert.Equal(Ten, facts.TakenLocal);
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_by_its_length_without_being_read()
    {
        var stream = new CountingStream(50L * 1024 * 1024, seekable: true);
        var facts = (await PhotoReader.ReadAsync(stream, PhotoRules.Default, Ct)).Facts;
        Assert.Equal(PhotoKind.TooLarge, facts.Kind);
        Assert.Equal(50L * 1024 * 1024, facts.SizeBytes);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task A_50_MB_upload_of_unknown_length_is_refused_once_it_passes_the_limit()
    {
        var stream = new CountingStream(50L * 1024 * 1024, seekable: false);
        var facts = (await PhotoReader.ReadAsync(stream, PhotoRules.Default, Ct)).Facts;
        Assert.Equal(PhotoKind.TooLarge, facts.Kind);
        Assert.InRange(stream.BytesRead, PhotoRules.Default.MaxBytes, PhotoRules.Default.MaxBytes + 81_920);
    }

    [Fact]
    public async Task The_size_limit_is_the_programme_setting()
    {
        var jpeg = TestPhotos.Photo(7);
        Assert.Equal(PhotoKind.Jpeg, (await PhotoReader.ReadAsync(new MemoryStream(jpeg), PhotoRules.Default with { MaxBytes = jpeg.Length }, Ct)).Facts.Kind);
        Assert.Equal(PhotoKind.TooLarge, (await PhotoReader.ReadAsync(new MemoryStream(jpeg), PhotoRules.Default with { MaxBytes = jpeg.Length - 1 }, Ct)).Facts.Kind);
    }

    [Fact]
    public void A_png_over_the_pixel_limit_is_refused_before_decoding()
    {
        using var bitmap = TestPhotos.Picture(800, 600, seed: 8);
        var facts = Read(TestPhotos.Png(bitmap), PhotoRules.Default with { MaxPngPixels = 800 * 600 - 1 });
        Assert.Equal(PhotoKind.TooLarge, facts.Kind);
        Assert.Equal((800, 600), (facts.Width, facts.Height));
        Assert.Equal(PhotoKind.Png, Read(TestPhotos.Png(bitmap), PhotoRules.Default with { MaxPngPixels = 800 * 600 }).Kind);
    }

    /// <summary>A stream of zeros of a given length that counts what is read from it.</summary>
    private sealed class CountingStream(long length, bool seekable) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? length : throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Clear(buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
