using System.Diagnostics;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Photos;
using DxPilot.Web.Features.Diagnoses.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using SkiaSharp;

namespace DxPilot.Bench.Photos;

/// <summary>Issue 9, site-visit photos: reading a 5 MB JPEG (EXIF and perceptual hash) under 50 ms median; finding reuse among
/// 1,000,000 stored fingerprints on PostgreSQL under 20 ms median; and the hash distances that justify the duplicate threshold.</summary>
public static class PhotoBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}  ({Environment.ProcessorCount} cores)");
        switch (args)
        {
            case ["read", ..]: Read(int.Parse(Generate.Arg(args, "--runs") ?? "60"), int.Parse(Generate.Arg(args, "--grain") ?? "40")); break;
            case ["distances", ..]: Distances(int.Parse(Generate.Arg(args, "--photos") ?? "40"), int.Parse(Generate.Arg(args, "--width") ?? "1600")); break;
            case ["reuse", ..]:
                await ReuseAsync(Generate.Arg(args, "--connection") ?? throw new ArgumentException("--connection is required (a PostgreSQL database of your own)"),
                    int.Parse(Generate.Arg(args, "--stored") ?? "1000000"), int.Parse(Generate.Arg(args, "--runs") ?? "300"));
                break;
            default:
                Console.Error.WriteLine("photos read [--runs 60] [--grain 40] | photos distances [--photos 40] | photos reuse --connection \"…\" [--stored 1000000] [--runs 300]");
                return 2;
        }
        return 0;
    }

    /// <summary>A 4000×3000 photo-like JPEG at quality 90 with EXIF time and GPS; grain ±40 makes it about 5.7 MB, ±6 about 1.3 MB.</summary>
    private static void Read(int runs, int grain)
    {
        byte[] jpeg;
        using (var picture = TestPhotos.Picture(4000, 3000, seed: 7, grain: grain))
            jpeg = TestPhotos.WithExif(TestPhotos.Jpeg(picture, 90),
                new TestPhotos.Exif(new DateTime(2026, 3, 10, 10, 0, 0), "+08:00", 43.8171, 125.3235));
        Console.WriteLine($"JPEG 4000×3000 q90: {jpeg.Length / 1024d / 1024d:0.00} MB");
        var facts = PhotoReader.Read(jpeg, PhotoRules.Default).Facts;
        Console.WriteLine($"read: {facts.Kind} {facts.Width}×{facts.Height} taken {facts.TakenLocal:s} at {facts.Position} hash {facts.Hash:x16}");

        var whole = new List<double>();
        var sha = new List<double>();
        var exif = new List<double>();
        var pixels = new List<double>();
        var libjpeg = new List<double>();
        var (pixelsCpu, libjpegCpu) = (new List<double>(), new List<double>());
        var thumbnail = new List<double>();
        var cpu = new List<double>();
        var file = PhotoReader.Read(jpeg, PhotoRules.Default);
        for (var i = 0; i < runs + 5; i++)
        {
            // CPU time of this thread as well as wall time: on a shared machine the wall time includes waiting for a core.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var t = Stopwatch.StartNew();
            PhotoReader.Read(jpeg, PhotoRules.Default);
            var a = t.Elapsed.TotalMilliseconds;
            var onCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            t.Restart();
            System.Security.Cryptography.SHA256.HashData(jpeg);
            var b = t.Elapsed.TotalMilliseconds;
            t.Restart();
            var layout = JpegLayout.Read(jpeg);
            ExifReader.Read(jpeg.AsSpan(layout.ExifStart, layout.ExifLength));
            var c = t.Elapsed.TotalMilliseconds;
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            t.Restart();
            PhotoHasher.Hash(JpegDcLuma.Read(jpeg, 256)!, 1);
            var d = t.Elapsed.TotalMilliseconds;
            var dCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            // As it was read before: libjpeg's 1/8-scale decode, then the hash of its pixels.
            cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            t.Restart();
            using (var bitmap = DownscaledPixels.Decode(jpeg, 256, out _)) PhotoHasher.Hash(bitmap!, 1);
            var f = t.Elapsed.TotalMilliseconds;
            var fCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            t.Restart();
            file.Thumbnail();
            var e = t.Elapsed.TotalMilliseconds;
            if (i < 5) continue; // warm-up
            whole.Add(a); cpu.Add(onCpu); sha.Add(b); exif.Add(c); pixels.Add(d); libjpeg.Add(f); thumbnail.Add(e);
            pixelsCpu.Add(dCpu); libjpegCpu.Add(fCpu);
        }
        Console.WriteLine($"{runs} runs, median (p95) ms:");
        Console.WriteLine($"  PhotoReader.Read (SHA-256 + EXIF + luma DC + pHash): {Median(whole):0.0} ({P95(whole):0.0})");
        Console.WriteLine($"    its process CPU time:          {Median(cpu):0.0} ({P95(cpu):0.0})");
        Console.WriteLine($"    SHA-256 alone:                 {Median(sha):0.0} ({P95(sha):0.0})");
        Console.WriteLine($"    EXIF alone:                    {Median(exif):0.000} ({P95(exif):0.000})");
        Console.WriteLine($"    luma DC terms + pHash:         {Median(pixels):0.0} ({P95(pixels):0.0}), CPU {Median(pixelsCpu):0.0}");
        Console.WriteLine($"  (as before: libjpeg 1/8 + pHash: {Median(libjpeg):0.0} ({P95(libjpeg):0.0}), CPU {Median(libjpegCpu):0.0})");
        Console.WriteLine($"  thumbnail (480 px JPEG):         {Median(thumbnail):0.0} ({P95(thumbnail):0.0})");
    }

    /// <summary>Hamming distances between each photo and its copies (re-encoded, resized), and between different photos.</summary>
    /// <param name="width">The originals' width (4:3); from 2048 they are hashed from their luma DC terms, and the distance of
    /// each to its hash from libjpeg's 1/8-scale pixels (how it was hashed before) is printed too.</param>
    private static void Distances(int count, int width)
    {
        var copies = new Dictionary<string, List<int>>();
        var hashes = new List<ulong>();
        var drift = new List<double>();
        for (var seed = 1; seed <= count; seed++)
        {
            var original = TestPhotos.Photo(seed, width: width, height: width * 3 / 4, quality: 92);
            var hash = PhotoReader.Read(original, PhotoRules.Default).Facts.Hash!.Value;
            hashes.Add(hash);
            using (var pixels = DownscaledPixels.Decode(original, 256, out _)) drift.Add(PerceptualHash.Distance(hash, PhotoHasher.Hash(pixels!, 1)));
            foreach (var (name, copy) in new (string, byte[])[]
                     {
                         ("q95", TestPhotos.Reencoded(original, 95)), ("q70", TestPhotos.Reencoded(original, 70)),
                         ("q50", TestPhotos.Reencoded(original, 50)), ("q30", TestPhotos.Reencoded(original, 30)),
                         ("75%", TestPhotos.Reencoded(original, 85, 0.75)), ("50%", TestPhotos.Reencoded(original, 85, 0.5)),
                         ("25%", TestPhotos.Reencoded(original, 85, 0.25)), ("10% q60", TestPhotos.Reencoded(original, 60, 0.1)),
                         ("png", PngOf(original)),
                     })
            {
                if (!copies.TryGetValue(name, out var list)) copies[name] = list = [];
                list.Add(PerceptualHash.Distance(hash, PhotoReader.Read(copy, PhotoRules.Default).Facts.Hash!.Value));
            }
        }
        Console.WriteLine($"{count} photos ({width}×{width * 3 / 4} q92); distance of each copy to its original: max / median");
        Console.WriteLine($"  each original hashed now against libjpeg's 1/8-scale pixels: max {drift.Max()}, median {Median(drift)}, not 0 in {drift.Count(d => d > 0)}");
        foreach (var (name, list) in copies) Console.WriteLine($"  {name,-8} {list.Max(),3} / {Median(list.Select(d => (double)d).ToList()),4}");
        var different = new List<double>();
        for (var i = 0; i < hashes.Count; i++)
            for (var j = i + 1; j < hashes.Count; j++) different.Add(PerceptualHash.Distance(hashes[i], hashes[j]));
        Console.WriteLine($"different photos ({different.Count} pairs): min {different.Min()}, 1st percentile {different.Order().ElementAt(different.Count / 100)}, median {Median(different)}");
    }

    private static byte[] PngOf(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        return TestPhotos.Png(bitmap);
    }

    /// <summary>Stores N fingerprints by binary COPY (uniformly random hashes: the bands spread evenly; real photos' hashes
    /// cluster somewhat more), then times lookups of fresh photos (no hit) and of near copies of stored ones (a hit).</summary>
    private static async Task ReuseAsync(string connection, int stored, int runs)
    {
        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(DatabaseProvider.PostgreSql, connection).Apply(options);
        DxPilotDbContext Context() => new(options.Options, new AuditContext());
        await using (var db = Context()) await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync();

        var random = new Random(42);
        var sample = new List<ulong>();
        await using (var conn = new NpgsqlConnection(connection))
        {
            await conn.OpenAsync();
            await using (var truncate = new NpgsqlCommand("""TRUNCATE "PhotoPrints" """, conn)) await truncate.ExecuteNonQueryAsync();
            var t = Stopwatch.StartNew();
            await using (var copy = await conn.BeginBinaryImportAsync("""
                COPY "PhotoPrints" ("PhotoId", "ProgrammeId", "EnterpriseId", "VisitId", "VisitOn", "Sha256", "Hash", "Band0", "Band1", "Band2", "Band3") FROM STDIN (FORMAT BINARY)
                """))
            {
                var enterprises = Enumerable.Range(0, 5000).Select(_ => Guid.NewGuid()).ToArray();
                for (var i = 0; i < stored; i++)
                {
                    var hash = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
                    if (i % (stored / 1000) == 0) sample.Add(hash);
                    var print = new PhotoPrint("changchun-2025", enterprises[i % enterprises.Length], Guid.NewGuid(), new DateOnly(2026, 1, 1).AddDays(i % 300),
                        Guid.NewGuid(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(hash))), hash);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(print.PhotoId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(print.ProgrammeId, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(print.EnterpriseId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(print.VisitId, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(print.VisitOn, NpgsqlDbType.Date);
                    await copy.WriteAsync(print.Sha256, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(print.Hash, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(print.Band0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(print.Band1, NpgsqlDbType.Integer);
                    await copy.WriteAsync(print.Band2, NpgsqlDbType.Integer);
                    await copy.WriteAsync(print.Band3, NpgsqlDbType.Integer);
                }
                await copy.CompleteAsync();
            }
            await using (var analyze = new NpgsqlCommand("""VACUUM ANALYZE "PhotoPrints" """, conn)) await analyze.ExecuteNonQueryAsync();
            Console.WriteLine($"stored {stored:N0} fingerprints by COPY in {t.Elapsed.TotalSeconds:0.0} s (indexes on Sha256 and each of the four 16-bit bands)");
        }

        await using var context = Context();
        var prints = new PhotoPrints(context);
        var misses = new List<double>();
        var hits = new List<double>();
        var found = 0;
        for (var i = 0; i < runs + 20; i++)
        {
            var fresh = (ulong)random.NextInt64();
            // A near copy: a stored hash with 5 bits flipped, as a re-encoded and resized copy might differ.
            var near = sample[i % sample.Count];
            foreach (var bit in Enumerable.Range(0, 64).OrderBy(_ => random.Next()).Take(5)) near ^= 1UL << bit;
            var t = Stopwatch.StartNew();
            await prints.FindReuseAsync(fresh, "0000", null, CancellationToken.None);
            var a = t.Elapsed.TotalMilliseconds;
            t.Restart();
            var reuse = await prints.FindReuseAsync(near, "0000", null, CancellationToken.None);
            var b = t.Elapsed.TotalMilliseconds;
            if (i < 20) continue;
            misses.Add(a);
            hits.Add(b);
            if (reuse.Count > 0) found++;
        }
        Console.WriteLine($"{runs} lookups each, median (p95) ms: new photo {Median(misses):0.00} ({P95(misses):0.00}); near copy of a stored one {Median(hits):0.00} ({P95(hits):0.00}), found {found}/{runs}");
        await using (var conn = new NpgsqlConnection(connection))
        {
            await conn.OpenAsync();
            var (b0, b1, b2, b3) = (PerceptualHash.BandNeighbours(sample[0], 0), PerceptualHash.BandNeighbours(sample[0], 1), PerceptualHash.BandNeighbours(sample[0], 2), PerceptualHash.BandNeighbours(sample[0], 3));
            await using var explain = new NpgsqlCommand("""
                EXPLAIN (ANALYZE, BUFFERS) SELECT "Hash" FROM "PhotoPrints"
                WHERE "Sha256" = 'x' OR "Band0" = ANY(@b0) OR "Band1" = ANY(@b1) OR "Band2" = ANY(@b2) OR "Band3" = ANY(@b3)
                """, conn);
            explain.Parameters.AddWithValue("b0", b0);
            explain.Parameters.AddWithValue("b1", b1);
            explain.Parameters.AddWithValue("b2", b2);
            explain.Parameters.AddWithValue("b3", b3);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync()) Console.WriteLine("  " + reader.GetString(0));
        }
    }

    private static double Median(List<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    private static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);
}
