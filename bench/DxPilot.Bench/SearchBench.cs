using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DxPilot.Bench;

/// <summary>
/// The registry's search box at national scale, against a running server on a generated database: the median latency of
/// searches by kind of fragment (1-4 Chinese characters, USCC, phone), computed afresh and as kept, then wrk with 32 connections
/// on /health and on a mix of list and search requests (optionally while a file is edited every second or so), and the mix's
/// share of /health's requests per second.
/// </summary>
public static partial class SearchBench
{
    private static readonly (string Kind, string[] Fragments)[] Kinds =
    [
        ("1 个汉字", ["华", "瑞", "鑫", "峰"]),
        ("2 个汉字", ["科技", "汽车", "大华", "医药"]),
        ("3 个汉字", ["汽车零", "新材料", "生物医", "自动化"]),
        ("4 个汉字", ["汽车零部", "生物医药", "精密机械", "通信技术"]),
        ("信用代码片段", ["9133010800012", "00045", "330108000999", "91330108"]),
        ("电话片段", ["1381", "5678", "13912", "8866"]),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var url = (Generate.Arg(args, "--url") ?? "http://127.0.0.1:5080").TrimEnd('/');
        var user = Generate.Arg(args, "--user") ?? "hz-city";
        var requests = int.Parse(Generate.Arg(args, "--requests") ?? "40");
        var seconds = int.Parse(Generate.Arg(args, "--seconds") ?? "20");
        var edits = int.Parse(Generate.Arg(args, "--edits-per-second") ?? "0");
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        var token = (await (await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "DxPilot#2025" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Every search twice: computed afresh (a file edited just before, so that no kept page answers) and as kept.
        var file = await FileToEditAsync(http);
        Console.WriteLine($"{"fragment",-14} {"fresh median",12} {"p95",6} {"kept median",12} {"p95",6}  ({requests} sequential requests per kind after a warm-up)");
        foreach (var (kind, fragments) in Kinds)
        {
            foreach (var f in fragments) (await http.GetAsync(Search(f))).EnsureSuccessStatusCode();
            var fresh = await TimeAsync(http, fragments, requests, () => EditOnceAsync(http, file, CancellationToken.None));
            var kept = await TimeAsync(http, fragments, requests, () => Task.CompletedTask);
            Console.WriteLine($"{kind,-14} {fresh.Median,12:F1} {fresh.P95,6:F1} {kept.Median,12:F1} {kept.P95,6:F1}");
        }


        var script = Path.Combine(Path.GetTempPath(), $"dxpilot-search-mix-{Environment.ProcessId}.lua");
        var paths = new[] { "/api/enterprises?page=1", "/api/enterprises?page=7&sort=revenue&desc=true" }
            .Concat(Kinds.SelectMany(k => k.Fragments).Select(Search)).ToList();
        await File.WriteAllTextAsync(script, $$"""
            local paths = { {{string.Join(", ", paths.Select(p => $"\"{p}\""))}} }
            local i = 0
            request = function()
              i = i + 1
              return wrk.format("GET", paths[(i % #paths) + 1])
            end
            """);
        try
        {
            var health = Wrk(url + "/health", seconds, null, null);
            using var stop = new CancellationTokenSource();
            var editing = edits > 0 ? EditAsync(http, edits, stop.Token) : Task.FromResult(0);
            var mix = Wrk(url + "/api/enterprises", seconds, token, script);
            await stop.CancelAsync();
            var edited = await editing;
            Console.WriteLine($"wrk -t2 -c32 -d{seconds}s: /health {health:F0} req/s, list+search mix {mix:F0} req/s, ratio {mix / health:P0}" +
                              (edits > 0 ? $", {edited} files edited meanwhile" : ""));
        }
        finally { File.Delete(script); }
        return 0;
    }

    /// <summary>Median and p95 of sequential searches, each after <paramref name="before"/> (not timed).</summary>
    private static async Task<(double Median, double P95)> TimeAsync(HttpClient http, string[] fragments, int requests, Func<Task> before)
    {
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            await before();
            var sw = Stopwatch.StartNew();
            using var r = await http.GetAsync(Search(fragments[i % fragments.Length]));
            await r.Content.ReadAsByteArrayAsync();
            times.Add(sw.Elapsed.TotalMilliseconds);
            r.EnsureSuccessStatusCode();
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.95)]);
    }

    private static async Task<string> FileToEditAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonObject>(Search("华")))!["items"]![0]!["id"]!.GetValue<string>();

    /// <summary>One edit of the file (its staff count moves by one): the registry generation moves, so no kept list page answers.</summary>
    private static async Task EditOnceAsync(HttpClient http, string id, CancellationToken ct)
    {
        var file = (await http.GetFromJsonAsync<JsonObject>($"/api/enterprises/{id}", ct))!;
        file["industry"] = file["industryKey"]!.GetValue<string>();
        file["employees"] = file["employees"]!.GetValue<int>() % 1000 + 1;
        (await http.PutAsJsonAsync($"/api/enterprises/{id}", file, ct)).EnsureSuccessStatusCode();
    }

    /// <summary>Edits one file about <paramref name="perSecond"/> times a second until stopped: the mix as it runs while people
    /// work. Returns the edits made.</summary>
    private static async Task<int> EditAsync(HttpClient http, int perSecond, CancellationToken stop)
    {
        var id = await FileToEditAsync(http);
        var edited = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await EditOnceAsync(http, id, stop);
                edited++;
                await Task.Delay(1000 / perSecond, stop);
            }
            catch (OperationCanceledException) { }
        }
        return edited;
    }

    private static string Search(string fragment) => "/api/enterprises?search=" + Uri.EscapeDataString(fragment);

    /// <summary>Requests per second reported by wrk (bounded in time, 32 connections on 127.0.0.1).</summary>
    private static double Wrk(string target, int seconds, string? token, string? script)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true };
        foreach (var a in new[] { "-t2", "-c32", $"-d{seconds}s", "--latency" }) start.ArgumentList.Add(a);
        if (token is not null) { start.ArgumentList.Add("-H"); start.ArgumentList.Add($"Authorization: Bearer {token}"); }
        if (script is not null) { start.ArgumentList.Add("-s"); start.ArgumentList.Add(script); }
        start.ArgumentList.Add(target);
        using var wrk = Process.Start(start)!;
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        Console.Write(output);
        return double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    private sealed record TokenResponse(string AccessToken);
}
