namespace DxPilot.Domain.Tests.Support;

/// <summary>The repository's config/ folder, found from the test binary by walking up to DxPilot.slnx: the tests read
/// the same programme and instrument files the platform loads.</summary>
internal static class RepositoryFiles
{
    public static readonly string Config = Path.Combine(Root(), "config");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DxPilot.slnx"))) return dir.FullName;
        throw new InvalidOperationException("DxPilot.slnx not found above " + AppContext.BaseDirectory);
    }
}
