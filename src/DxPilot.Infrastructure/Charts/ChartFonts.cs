using SkiaSharp;

namespace DxPilot.Infrastructure.Charts;

/// <summary>Fonts for drawing charts, found once by reading the font folders (SkiaSharp's dependency-free native build
/// cannot ask fontconfig). A font counts as Chinese when it has a glyph for "数"; Simplified Chinese faces are preferred.</summary>
internal static class ChartFonts
{
    private static readonly string[] Folders =
    [
        "/usr/share/fonts", "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
    ];

    private static readonly Lazy<(SKTypeface? Cjk, SKTypeface? Any)> Found = new(Find);

    /// <summary>A face with Chinese glyphs, or null when the machine has none.</summary>
    public static SKTypeface? Cjk => Found.Value.Cjk;

    /// <summary>Any face with digits, for numbered axes; null when no font file is readable at all.</summary>
    public static SKTypeface? Any => Found.Value.Any;

    private static (SKTypeface?, SKTypeface?) Find()
    {
        var files = Folders.Where(f => !string.IsNullOrEmpty(f) && Directory.Exists(f))
            .SelectMany(f => SafeFiles(f))
            .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase))
            // Likely Chinese faces first, so the common case reads a handful of files, not every font installed.
            .OrderBy(f => Path.GetFileName(f).Contains("CJK", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).Contains("wqy", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => Path.GetFileName(f).Contains("Sans", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal);
        SKTypeface? any = null;
        foreach (var file in files)
        {
            var faces = Faces(file);
            var chinese = faces.Where(t => Has(t, '数')).ToList();
            if (chinese.Count > 0) return (chinese.FirstOrDefault(t => t.FamilyName.EndsWith(" SC", StringComparison.Ordinal)) ?? chinese[0], chinese[0]);
            any ??= faces.FirstOrDefault(t => Has(t, '1'));
        }
        return (null, any);
    }

    // A collection (.ttc) holds several faces; Noto CJK's third is SC.
    private static List<SKTypeface> Faces(string file)
    {
        var faces = new List<SKTypeface>();
        for (var i = 0; i < (file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) ? 8 : 1); i++)
        {
            if (SKTypeface.FromFile(file, i) is not { } face) break;
            faces.Add(face);
        }
        return faces;
    }

    private static bool Has(SKTypeface face, char ch)
    {
        using var font = new SKFont(face);
        return font.GetGlyph(ch) != 0;
    }

    private static IEnumerable<string> SafeFiles(string folder)
    {
        try { return Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).ToList(); }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }
}
