using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Infrastructure.Photos;

namespace DxPilot.Bench.Photos;

/// <summary>
/// Issue 9: reading a 5 MB JPEG's EXIF and perceptual hash under 50 ms median. <see cref="Before"/> is the reading as it was
/// (SHA-256, EXIF, libjpeg's 1/8-scale decode, pHash of its pixels); <see cref="Now"/> is <see cref="PhotoReader.Read"/>, which
/// hashes a camera-sized JPEG from its luma DC terms (<see cref="JpegDcLuma"/>). The parts are timed alone beside them.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PhotoReadBenchmarks
{
    private byte[] _jpeg = [];

    /// <summary>A 4000×3000 photo-like picture with grain at quality 90, with EXIF time and GPS: about 5.7 MB.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using var picture = TestPhotos.Picture(4000, 3000, seed: 7, grain: 40);
        _jpeg = TestPhotos.WithExif(TestPhotos.Jpeg(picture, 90), new TestPhotos.Exif(new DateTime(2026, 3, 10, 10, 0, 0), "+08:00", 43.8171, 125.3235));
        if (PerceptualHash.Distance(PhotoReader.Read(_jpeg, PhotoRules.Default).Facts.Hash!.Value, Before()!.Value) > 2)
            throw new InvalidOperationException("the two readings hash the test photo too differently");
    }

    [Benchmark(Baseline = true)]
    public ulong? Before()
    {
        SHA256.HashData(_jpeg);
        var layout = JpegLayout.Read(_jpeg);
        var exif = ExifReader.Read(_jpeg.AsSpan(layout.ExifStart, layout.ExifLength));
        using var pixels = DownscaledPixels.Decode(_jpeg, 256, out _);
        return pixels is null ? null : PhotoHasher.Hash(pixels, exif.Orientation);
    }

    [Benchmark]
    public ulong? Now() => PhotoReader.Read(_jpeg, PhotoRules.Default).Facts.Hash;

    [Benchmark]
    public ulong LibjpegEighthAndHash()
    {
        using var pixels = DownscaledPixels.Decode(_jpeg, 256, out _);
        return PhotoHasher.Hash(pixels!, 1);
    }

    [Benchmark]
    public ulong LumaDcAndHash() => PhotoHasher.Hash(JpegDcLuma.Read(_jpeg, 256)!, 1);

    [Benchmark]
    public byte[] Sha256() => SHA256.HashData(_jpeg);
}
