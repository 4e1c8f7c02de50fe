using System.Diagnostics;
using System.Text;

namespace DxPilot.Web.Tests.Support;

/// <summary>The real platform executable in its own process, as `dotnet run --project src/DxPilot.Web` starts it.</summary>
public static class PlatformProcess
{
    public sealed record Exit(int Code, string Output, string Errors);

    /// <summary>The repository's config/ folder (programmes, instruments, demo list).</summary>
    public static string ConfigFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DxPilot.slnx"))) return Path.Combine(dir.FullName, "config");
        throw new DirectoryNotFoundException("repository root (DxPilot.slnx) not found");
    }

    /// <summary>Runs DxPilot.Web.dll with the arguments and DXPILOT-style environment; a process still running after the
    /// timeout (a web host that did not stop) is killed and fails the test.</summary>
    public static async Task<Exit> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DxPilot.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return new Exit(process.ExitCode, await output, await errors);
    }
}
