using System.Globalization;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Files;

/// <summary>A file as it arrived with a form or API request; <see cref="Open"/> reads it (as many times as needed) from where
/// the server buffered it, never as a copy in memory.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open)
{
    private const int MaxNameCharacters = 100;

    public static UploadedFile From(IFormFile file) => new(file.FileName, file.Length, file.OpenReadStream);

    /// <summary>The name as the platform keeps it: without any path the browser sent, control characters or excess length
    /// (every stored file's name column holds it).</summary>
    public string Name => CleanName(FileName);

    public static string CleanName(string? raw)
    {
        var name = ControlCharacters.FileName(raw);
        var info = new StringInfo(name);
        return info.LengthInTextElements <= MaxNameCharacters ? name : info.SubstringByTextElements(0, MaxNameCharacters);
    }
}
