namespace DxPilot.Web.Features.Platform;

/// <summary>A generated file too large to hold in memory (a city's sheet, an archive): written into a temporary file that is
/// deleted once the response has read it back, and sent privately. A write that fails or answers no name leaves nothing behind.</summary>
public static class TemporaryFileDownload
{
    /// <param name="write">Writes the file and answers its name; null when there is nothing for this caller (then <paramref name="nothing"/>).</param>
    public static async Task<IResult> SendAsync(HttpContext http, string contentType, Func<Stream, Task<string?>> write, Func<IResult>? nothing = null)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            if (await write(file) is not { } name)
            {
                await file.DisposeAsync();
                return nothing?.Invoke() ?? Results.NotFound();
            }
            file.Position = 0;
            return PrivateFile.Send(http, file, contentType, name);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
