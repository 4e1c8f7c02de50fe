namespace DxPilot.Web.Features.Platform;

/// <summary>Where the configuration folder and the embedded database live.</summary>
public sealed record PlatformPaths(string ConfigFolder, string DataFolder)
{
    /// <summary>
    /// config/ is found by walking up from the working directory and the content root, so that
    /// `dotnet run --project src/DxPilot.Web` from the repository root and a published copy both work.
    /// DxPilot:ConfigPath and DxPilot:DataPath override.
    /// </summary>
    public static PlatformPaths Resolve(IConfiguration config, string contentRoot)
    {
        var configFolder = config["DxPilot:ConfigPath"] ?? FindUp("config", Directory.GetCurrentDirectory(), contentRoot, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("找不到 config/ 目录（试点与评测配置）：请在仓库根目录运行，或设置 DxPilot:ConfigPath");
        var dataFolder = config["DxPilot:DataPath"] ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configFolder))!, "data");
        return new PlatformPaths(Path.GetFullPath(configFolder), Path.GetFullPath(dataFolder));
    }

    private static string? FindUp(string name, params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (Directory.Exists(Path.Combine(candidate, "programmes"))) return candidate;
            }
        }
        return null;
    }
}
