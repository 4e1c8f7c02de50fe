using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxPilot.Bench.Blobs;

/// <summary>
/// The server's memory while it serves a large stored file: starts the real platform (its own process, fresh SQLite and
/// data folder, demo accounts), attaches one picture to the demo applicant's benchmark application through the page, points
/// that evidence at a blob of --size MB put straight into the configured store, then downloads it through
/// /benchmark/evidence/{id} several times while sampling the server's resident memory (VmRSS) every few milliseconds.
/// </summary>
public static partial class BlobServeBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = int.Parse(Generate.Arg(args, "--size") ?? "20");
        var store = Generate.Arg(args, "--store") ?? "FileSystem";
        var runs = int.Parse(Generate.Arg(args, "--runs") ?? "5");
        var port = Generate.Arg(args, "--port") ?? "5097";
        var server = Generate.Arg(args, "--server") ?? LocalServer.Dll();
        var data = Path.Combine(Path.GetTempPath(), $"dxpilot-blobbench-{Guid.NewGuid():N}");
        var url = $"http://127.0.0.1:{port}";

        using var process = LocalServer.Start(server, url, data, new Dictionary<string, string> { ["DxPilot__Blobs__Store"] = store });
        try
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
            await LocalServer.WaitHealthyAsync(http, process);
            await SignIn(http);
            var evidence = await AttachPicture(http);
            var database = new BlobDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(data, "dxpilot.db")}"), TimeProvider.System);
            IBlobStore blobs = store == "Database"
                ? new DatabaseBlobStore(database)
                : new FileSystemBlobStore(Path.Combine(data, "blobs"), database, NullLogger<FileSystemBlobStore>.Instance);
            var blob = await blobs.PutAsync(new PatternStream(megabytes * 1024L * 1024L), CancellationToken.None);
            await using (var conn = await database.OpenAsync(CancellationToken.None))
            await using (var cmd = SqlCommands.Command(conn, null,
                """UPDATE "BenchmarkEvidence" SET "Sha256" = @h, "SizeBytes" = @s WHERE upper("Id") = upper(@id)""",
                ("@h", blob.Sha256), ("@s", blob.Size), ("@id", evidence)))
                if (await cmd.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException("evidence row not found");

            // Warm-up: the page and a small request, so JIT and pools are in place before the baseline.
            for (var i = 0; i < 3; i++) await http.GetStringAsync("/benchmark/self-score");
            await Task.Delay(500);
            var baseline = Rss(process.Id);
            Console.WriteLine($"store {store}, file {megabytes} MB, server pid {process.Id}, baseline VmRSS {baseline / 1024.0:F1} MB");
            Console.WriteLine($"{"run",4} {"seconds",8} {"MB/s",8} {"peak VmRSS MB",14} {"growth MB",10}");
            var worst = 0L;
            for (var run = 1; run <= runs; run++)
            {
                var peak = baseline;
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    while (!sampling.IsCancellationRequested) { peak = Math.Max(peak, Rss(process.Id)); await Task.Delay(2); }
                });
                var sw = Stopwatch.StartNew();
                using var response = await http.GetAsync($"/benchmark/evidence/{evidence}", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using (var body = await response.Content.ReadAsStreamAsync()) await body.CopyToAsync(Stream.Null);
                sw.Stop();
                await sampling.CancelAsync();
                await sampler;
                worst = Math.Max(worst, peak - baseline);
                Console.WriteLine($"{run,4} {sw.Elapsed.TotalSeconds,8:F2} {megabytes / sw.Elapsed.TotalSeconds,8:F0} {peak / 1024.0,14:F1} {(peak - baseline) / 1024.0,10:F1}");
            }
            Console.WriteLine($"largest growth over the baseline: {worst / 1024.0:F1} MB (limit 5 MB): {(worst < 5 * 1024 ? "OK" : "TOO MUCH")}");
            return worst < 5 * 1024 ? 0 : 1;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
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
