using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Auditing;

namespace DxPilot.Web.Features.Platform;

/// <summary>A generated .docx as a download: Results.File writes both filename (ASCII stand-in) and filename* (UTF-8),
/// so browsers save it under its Chinese name. Each download is an export of the record's data and is audited.</summary>
public static class WordFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task<IResult> DownloadAsync(HttpContext http, string programmeId, AuditKey subject, string fileName, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(AuditAction.Exported, programmeId, subject, fileName,
            ct: http.RequestAborted);
        return PrivateFile.Send(http, buffer.ToArray(), ContentType, fileName);
    }
}
