using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxPilot.Bench.Blobs;

/// <summary>
/// The server's memory while it serves a large stored file: starts the real platform (its own process, fresh database and
/// data folder, demo accounts), attaches one picture to the demo applicant's benchmark application through the page, points
/// that evidence at a blob of --size MB put straight into the configured store, then downloads it through
/// /benchmark/evidence/{id} --runs times while sampling the server's resident memory (VmRSS) every few milliseconds. After
/// each download the server reports its managed heap through <see cref="StartupHook"/>; with --collect it first runs a full
/// blocking collection, so that what remains is memory really held. SQLite by default; with --postgres (an admin connection)
/// a throwaway PostgreSQL database, dropped afterwards. The server's GC settings come from the environment
/// (DOTNET_gcServer, DOTNET_GCgen0size).
/// </summary>
public static partial class BlobServeBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = int.Parse(Generate.Arg(args, "--size") ?? "20");
        var store = Generate.Arg(args, "--store") ?? "FileSystem";
        var runs = int.Parse(Generate.Arg(args, "--runs") ?? "20");
        var collect = args.Contains("--collect");
        var port = Generate.Arg(args, "--port") ?? "5097";
        var server = Generate.Arg(args, "--server") ?? LocalServer.Dll();
        var admin = Generate.Arg(args, "--postgres");
        var data = Path.Combine(Path.GetTempPath(), $"dxpilot-blobbench-{Guid.NewGuid():N}");
        var probe = Path.Combine(data + "-heap");
        Directory.CreateDirectory(probe);
        var url = $"http://127.0.0.1:{port}";

        var (database, connection) = admin is null
            ? ("", $"Data Source={Path.Combine(data, "dxpilot.db")}")
            : await BenchTools.DatabaseAsync(admin, null, "blobbench", megabytes);
        var settings = new Dictionary<string, string>
        {
            ["DxPilot__Blobs__Store"] = store,
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            ["DXPILOT_BENCH_HEAP"] = probe,
        };
        if (admin is not null) { settings["Database__Provider"] = "PostgreSQL"; settings["ConnectionStrings__DxPilot"] = connection; }
        using var process = LocalServer.Start(server, url, data, settings);
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
            await LocalServer.WaitHealthyAsync(http, process);
            await SignIn(http);
            var evidence = await AttachPicture(http);
            var blobDatabase = new BlobDatabase(new DatabaseOptions(admin is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql, connection), TimeProvider.System);
            IBlobStore blobs = store == "Database"
                ? new DatabaseBlobStore(blobDatabase)
                : new FileSystemBlobStore(Path.Combine(data, "blobs"), blobDatabase, NullLogger<FileSystemBlobStore>.Instance);
            var blob = await blobs.PutAsync(new PatternStream(megabytes * 1024L * 1024L), CancellationToken.None);
            await using (var conn = await blobDatabase.OpenAsync(CancellationToken.None))
            await using (var cmd = SqlCommands.Command(conn, null,
                """UPDATE "BenchmarkEvidence" SET "Sha256" = @h, "SizeBytes" = @s WHERE upper(CAST("Id" AS text)) = upper(@id)""",
                ("@h", blob.Sha256), ("@s", blob.Size), ("@id", evidence)))
                if (await cmd.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("evidence row not found");

            // Warm-up: the page and a small request, so JIT and pools are in place before the baseline.
            for (var i = 0; i < 3; i++) await http.GetStringAsync("/benchmark/self-score");
            await Task.Delay(500);
            var start = await HeapAsync(probe, collect);
            var baseline = Rss(process.Id);
            Console.WriteLine($"store {store} on {(admin is null ? "SQLite" : "PostgreSQL")}, file {megabytes} MB, server pid {process.Id}, {start.Gc} GC" +
                              $"{(collect ? ", full collection after each download" : "")}; load {BenchTools.Load()}");
            Console.WriteLine($"baseline: VmRSS {baseline / 1024.0:F1} MB, managed heap {Mb(start.Heap):F1} MB, GC committed {Mb(start.Committed):F1} MB");
            Console.WriteLine($"{"run",4} {"seconds",8} {"MB/s",6} {"peak VmRSS",11} {"peak growth",12} {"VmRSS after",12} {"growth after",13} {"heap MB",8} {"committed",10} {"GCs gen0/gen2",14}");
            var worst = 0L;
            var after = baseline;
            for (var run = 1; run <= runs; run++)
            {
                var peak = Rss(process.Id);
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested) { peak = Math.Max(peak, Rss(process.Id)); await Task.Delay(2); }
                });
                var sw = Stopwatch.StartNew();
                using (var response = await http.GetAsync($"/benchmark/evidence/{evidence}", HttpCompletionOption.ResponseHeadersRead))
                {
                    response.EnsureSuccessStatusCode();
                    await using var body = await response.Content.ReadAsStreamAsync();
                    await body.CopyToAsync(Stream.Null);
                }
                sw.Stop();
                await sampling.CancelAsync();
                await sampler;
                var heap = await HeapAsync(probe, collect);
                after = Rss(process.Id);
                worst = Math.Max(worst, Math.Max(peak, after) - baseline);
                Console.WriteLine($"{run,4} {sw.Elapsed.TotalSeconds,8:F2} {megabytes / sw.Elapsed.TotalSeconds,6:F0} {peak / 1024.0,11:F1} {(peak - baseline) / 1024.0,12:F1} " +
                                  $"{after / 1024.0,12:F1} {(after - baseline) / 1024.0,13:F1} {Mb(heap.Heap),8:F1} {Mb(heap.Committed),10:F1} {$"{heap.Gen0}/{heap.Gen2}",14}");
            }
            Console.WriteLine($"largest growth over the baseline in {runs} downloads: {worst / 1024.0:F1} MB (limit 5 MB): {(worst < 5 * 1024 ? "OK" : "TOO MUCH")}; " +
                              $"after the last: {(after - baseline) / 1024.0:F1} MB; load {BenchTools.Load()}");
            return worst < 5 * 1024 ? 0 : 1;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            if (admin is not null) await BenchTools.ReleaseAsync(admin, database, keep: false);
            foreach (var folder in new[] { data, probe })
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private readonly record struct HeapFigures(long Heap, long Committed, int Gen0, int Gen2, string Gc);

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    /// <summary>Asks the server's <see cref="StartupHook"/> for its managed heap, after a full collection when asked to.</summary>
    private static async Task<HeapFigures> HeapAsync(string probe, bool collect)
    {
        var reply = Path.Combine(probe, "reply");
        File.Delete(reply);
        await File.WriteAllTextAsync(Path.Combine(probe, "request"), collect ? "collect" : "measure");
        for (var i = 0; i < 1000 && !File.Exists(reply); i++) await Task.Delay(10);
        if (!File.Exists(reply)) throw new TimeoutException("the server's heap probe did not answer (is the startup hook loaded?)");
        var parts = (await File.ReadAllTextAsync(reply)).Split(' ');
        return new HeapFigures(long.Parse(parts[0]), long.Parse(parts[2]), int.Parse(parts[3]), int.Parse(parts[4]), parts[5]);
    }

    private static async Task SignIn(HttpClient http)
    {
        var token = Token(await http.GetStringAsync("/account/login"));
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = "hlj-enterprise", ["Input.Password"] = "DxPilot#2025",
        }));
        if ((int)response.StatusCode != 302) throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
    }

    /// <summary>Saves the demo applicant's form with one small PNG and returns that evidence's id.</summary>
    private static async Task<string> AttachPicture(HttpClient http)
    {
        var page = await http.GetStringAsync("/benchmark/self-score");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent("benchmark"), "_handler" },
            { new StringContent(VersionField().Match(page).Groups[1].Value), "Form.Version" },
            { new StringContent("save"), "Form.Command" },
        };
        var png = new ByteArrayContent(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(png, "picture-1", "bench.png");
        var saved = await http.PostAsync("/benchmark/self-score", form);
        if ((int)saved.StatusCode != 302) throw new InvalidOperationException($"save answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        return EvidenceLink().Match(await http.GetStringAsync("/benchmark/self-score")).Groups[1].Value;
    }

    private static string Token(string page) => TokenField().Match(page).Groups[1].Value;

    /// <summary>Resident memory of a process in KB, from /proc (Linux).</summary>
    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"Form.Version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("/benchmark/evidence/([0-9a-f-]{36})")]
    private static partial Regex EvidenceLink();
}

/// <summary>A PNG-signed stream of the given length generated as it is read (the bench holds no copy either).</summary>
internal sealed class PatternStream(long length) : Stream
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private long _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++, _position++)
            buffer[offset + i] = _position < Signature.Length ? Signature[_position] : (byte)(_position * 31 % 251);
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
