using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace DxPilot.Bench;

/// <summary>
/// The registry's search box at national scale, against a running server on a generated database: the median latency of
/// searches by kind of fragment (1-4 Chinese characters, USCC, phone), then wrk with 32 connections on /health and on a mix
/// of list and search requests, and the mix's share of /health's requests per second.
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
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        var token = (await (await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "DxPilot#2025" }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Console.WriteLine($"{"fragment",-14} {"median ms",10} {"p95 ms",8}  ({requests} sequential requests per kind after a warm-up)");
        foreach (var (kind, fragments) in Kinds)
        {
            foreach (var f in fragments) (await http.GetAsync(Search(f))).EnsureSuccessStatusCode();
            var times = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var sw = Stopwatch.StartNew();
                using var r = await http.GetAsync(Search(fragments[i % fragments.Length]));
                await r.Content.ReadAsByteArrayAsync();
                times.Add(sw.Elapsed.TotalMilliseconds);
                r.EnsureSuccessStatusCode();
            }
            times.Sort();
            Console.WriteLine($"{kind,-14} {times[times.Count / 2],10:F1} {times[(int)(times.Count * 0.95)],8:F1}");
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
            var mix = Wrk(url + "/api/enterprises", seconds, token, script);
            Console.WriteLine($"wrk -t2 -c32 -d{seconds}s: /health {health:F0} req/s, list+search mix {mix:F0} req/s, ratio {mix / health:P0}");
        }
        finally { File.Delete(script); }
        return 0;
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
