namespace DxPilot.Web.Features.Files;

/// <summary>A file as it arrived with a form or API request; <see cref="Open"/> reads it (as many times as needed) from where
/// the server buffered it, never as a copy in memory.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open)
{
    public static UploadedFile From(IFormFile file) => new(file.FileName, file.Length, file.OpenReadStream);
}
