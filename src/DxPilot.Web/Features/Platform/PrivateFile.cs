namespace DxPilot.Web.Features.Platform;

/// <summary>A download of the programme's own data (a sheet, a document, an archive): sent under its Chinese name
/// (Results.File writes filename and filename*) and marked so that no shared cache keeps it.</summary>
public static class PrivateFile
{
    public static IResult Send(HttpContext http, Stream content, string contentType, string name)
    {
        NoStore(http);
        return Results.File(content, contentType, name);
    }

    public static IResult Send(HttpContext http, byte[] content, string contentType, string name)
    {
        NoStore(http);
        return Results.File(content, contentType, name);
    }

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "private, no-store";
}
