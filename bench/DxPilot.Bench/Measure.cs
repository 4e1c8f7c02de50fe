using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace DxPilot.Bench;

/// <summary>
/// Latency of the filtered list (page and API) against a running server, sequential requests after a warm-up:
/// medians and p95 in milliseconds. Optionally times the import of a sheet through the API.
/// </summary>
public static class Measure
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = (Generate.Arg(args, "--url") ?? "http://127.0.0.1:5080").TrimEnd('/');
        var user = Generate.Arg(args, "--user") ?? "hz-city";
        var password = Generate.Arg(args, "--password") ?? "DxPilot#2025";
        var requests = int.Parse(Generate.Arg(args, "--requests") ?? "200");
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };

        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<TokenResponse>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);

        var cookie = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        await SignInWithCookie(cookie, user, password);

        string[] queries =
        [
            "?page=1", "?district=%E6%BB%A8%E6%B1%9F%E5%8C%BA&page=3", "?search=%E7%A7%91%E6%8A%80&page=1",
            "?industry=%E6%B1%BD%E8%BD%A6%E9%9B%B6%E9%83%A8%E4%BB%B6&size=Medium&sort=revenue&desc=true",
            "?aboveScale=true&excluded=false&page=50", "?search=91330108000&page=1",
        ];
        Console.WriteLine($"{"scenario",-12} {"median ms",10} {"p95 ms",8}  ({requests} requests each after 20 warm-up)");
        await Report("api", requests, i => http.GetAsync("/api/enterprises" + queries[i % queries.Length]));
        await Report("page", requests, i => cookie.GetAsync("/enterprises" + queries[i % queries.Length]));

        if (Generate.Arg(args, "--import") is { } sheet)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(sheet)), "file", Path.GetFileName(sheet) } };
            var sw = Stopwatch.StartNew();
            var response = await http.PostAsync("/api/enterprises/import", form);
            sw.Stop();
            var body = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"import {Path.GetFileName(sheet)}: {(int)response.StatusCode} in {sw.Elapsed.TotalSeconds:F2} s: {(body.Length > 300 ? body[..300] : body)}");
        }
        return 0;
    }

    private static async Task Report(string name, int count, Func<int, Task<HttpResponseMessage>> send)
    {
        for (var i = 0; i < 20; i++) (await send(i)).EnsureSuccessStatusCode();
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            using var r = await send(i);
            await r.Content.ReadAsByteArrayAsync();
            sw.Stop();
            r.EnsureSuccessStatusCode();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name,-12} {times[times.Count / 2],10:F1} {times[(int)(times.Count * 0.95)],8:F1}");
    }

    public static async Task SignInWithCookie(HttpClient client, string user, string password)
    {
        var html = await client.GetStringAsync("/account/login");
        var marker = "name=\"__RequestVerificationToken\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var token = html[start..html.IndexOf('"', start)];
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = user, ["Input.Password"] = password,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException("cookie sign-in failed");
    }

    private sealed record TokenResponse(string AccessToken);
}
