namespace DxPilot.Web.Features.Platform;

/// <summary>A generated .docx as a download: Results.File writes both filename (ASCII stand-in) and filename* (UTF-8),
/// so browsers save it under its Chinese name.</summary>
public static class WordFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IResult Download(HttpContext http, string fileName, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        // It holds an enterprise's own data: no shared cache may keep it.
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(buffer.ToArray(), ContentType, fileName);
    }
}
