using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Infrastructure.Spreadsheets;
using Npgsql;

namespace DxPilot.Bench.Imports;

/// <summary>
/// Hostile sheets against a real server: starts the platform (its own process, a fresh PostgreSQL database, demo accounts),
/// uploads each file of <see cref="HostileSheets"/> through POST /api/enterprises/import as hz-city, and records the time to
/// the answer and the server's resident memory (VmRSS sampled every few milliseconds; VmHWM, the kernel's own peak, at the end).
/// Exits 1 when a hostile file is not refused, the server's peak passes --limit MB or an answer takes longer than --seconds.
/// A file of ordinary rows is imported last, for comparison only (its memory is the import's, not the reader's).
/// </summary>
public static class ImportBombBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var admin = Generate.Arg(args, "--postgres") ?? Environment.GetEnvironmentVariable("DXPILOT_TEST_POSTGRES")
                    ?? throw new ArgumentException("--postgres \"Host=…;Username=…\" (a user that may create databases) is required");
        var port = Generate.Arg(args, "--port") ?? "5103";
        var limitMb = int.Parse(Generate.Arg(args, "--limit") ?? "300");
        var maxSeconds = double.Parse(Generate.Arg(args, "--seconds") ?? "10");
        var server = Generate.Arg(args, "--server") ?? LocalServer.Dll();
        var url = $"http://127.0.0.1:{port}";
        var database = $"dxpilot_bombbench_{Guid.NewGuid():N}";
        var data = Path.Combine(Path.GetTempPath(), database);
        await Execute(admin, $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;

        Console.WriteLine("generating the sheets …");
        (string Name, byte[] File, string Expect)[] sheets =
        [
            ("zip bomb: 256 MB of sheet XML", HostileSheets.ExpandedSheet(256), "422"),
            ("zip bomb, sizes falsely declared 1 KB", HostileSheets.LyingAboutSizes(HostileSheets.ExpandedSheet(256)), "422"),
            ("2,000,000 rows", HostileSheets.ManyRows(2_000_000), "422"),
            ("20,000 columns", HostileSheets.ManyColumns(20_000), "422"),
            ("24 MB of shared strings", HostileSheets.HugeSharedStrings(24), "422"),
            ("one cell of 8 MB", HostileSheets.LongCell(8 * 1024), "422"),
        ];
        var ordinary = OrdinaryList(5_000);

        using var process = LocalServer.Start(server, url, data, new Dictionary<string, string> { ["Database__Provider"] = "PostgreSQL", ["ConnectionStrings__DxPilot"] = connection });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
            await LocalServer.WaitHealthyAsync(http, process);
            var token = await http.PostAsJsonAsync("/api/auth/token", new { userName = "hz-city", password = "DxPilot#2025" });
            token.EnsureSuccessStatusCode();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
            for (var i = 0; i < 3; i++) await http.GetStringAsync("/api/enterprises?pageSize=5");
            GC.Collect();
            await Task.Delay(1000);
            var baseline = Status(process.Id, "VmRSS:");
            Console.WriteLine($"server pid {process.Id} on PostgreSQL, baseline VmRSS {baseline / 1024.0:F1} MB");
            Console.WriteLine($"{"file",-40} {"upload KB",10} {"answer",7} {"seconds",8} {"peak VmRSS MB",14}  message");
            var ok = true;
            foreach (var (name, file, expect) in sheets)
                ok &= await Upload(http, process, name, file, expect, limitMb, maxSeconds);
            var hwm = Status(process.Id, "VmHWM:");
            Console.WriteLine($"server VmHWM (peak resident memory since start-up, all hostile files included): {hwm / 1024.0:F1} MB (limit {limitMb} MB)");
            ok &= hwm < limitMb * 1024L;
            Console.WriteLine(ok ? "OK" : "NOT OK");
            Console.WriteLine("for comparison, not judged:");
            await Upload(http, process, "ordinary list, 5,000 rows (.xlsx)", ordinary, "200", int.MaxValue, double.MaxValue);
            return ok ? 0 : 1;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            NpgsqlConnection.ClearAllPools();
            await Execute(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Uploads one file, sampling the server's memory until the answer is in; prints the line, says whether it was as expected.</summary>
    private static async Task<bool> Upload(HttpClient http, Process process, string name, byte[] file, string expect, int limitMb, double maxSeconds)
    {
        var peak = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested) { peak = Math.Max(peak, Status(process.Id, "VmRSS:")); await Task.Delay(2); }
        });
        var sw = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "名单.xlsx");
        using var response = await http.PostAsync("/api/enterprises/import", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        sw.Stop();
        await sampling.CancelAsync();
        await sampler;
        var status = ((int)response.StatusCode).ToString();
        var message = status == "200" ? $"新建 {body.GetProperty("created").GetInt32()} 家，未导入 {body.GetProperty("refused").GetInt32()} 行" : body.GetProperty("title").GetString();
        var good = status == expect && peak < limitMb * 1024L && sw.Elapsed.TotalSeconds <= maxSeconds;
        Console.WriteLine($"{name,-40} {file.Length / 1024,10} {status,7} {sw.Elapsed.TotalSeconds,8:F2} {peak / 1024.0,14:F1}  {message}{(good ? "" : "   ← NOT OK")}");
        return good;
    }

    /// <summary>A valid list in the shape bureaus send: name, district, industry, contact, one row per enterprise.</summary>
    private static byte[] OrdinaryList(int rows)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, "名单", [new("企业名称"), new("所属区县"), new("行业"), new("联系人"), new("联系电话")],
            Enumerable.Range(1, rows).Select(i => (IReadOnlyList<object?>)[$"压测企业{i:D6}有限公司", "滨江区", "汽车零部件", "张三", $"138{i:D8}"]));
        return output.ToArray();
    }

    /// <summary>A memory line of /proc/PID/status in KB (Linux).</summary>
    private static long Status(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith(field, StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return 0;
    }

    private static async Task Execute(string admin, string sql)
    {
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
