using System.Diagnostics;

namespace DxPilot.Bench;

/// <summary>The platform as a separate process on 127.0.0.1 (so that its memory and CPU can be read apart from the bench's),
/// with demo data and the settings the caller adds.</summary>
public static class LocalServer
{
    /// <summary>The built web app: Release when it exists, else Debug.</summary>
    public static string Dll()
    {
        var release = Path.Combine(Repo.Root, "src", "DxPilot.Web", "bin", "Release", "net10.0", "DxPilot.Web.dll");
        return File.Exists(release) ? release : Path.Combine(Repo.Root, "src", "DxPilot.Web", "bin", "Debug", "net10.0", "DxPilot.Web.dll");
    }

    public static Process Start(string dll, string url, string data, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DxPilot__DataPath"] = data;
        start.Environment["DxPilot__DemoData"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"server: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits for /health, half a second at a time (a first start on PostgreSQL migrates and seeds first).</summary>
    public static async Task WaitHealthyAsync(HttpClient http, Process process, int tries = 240)
    {
        for (var i = 0; i < tries; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"server exited with {process.ExitCode}");
            try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("server did not become healthy");
    }
}
