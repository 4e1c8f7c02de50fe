using DxPilot.Domain.Auditing;
using DxPilot.Domain.Files;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Blobs;
using Microsoft.Net.Http.Headers;

namespace DxPilot.Web.Features.Files;

/// <summary>
/// Serves a stored file, checked against its hash. A file up to <see cref="VerifyFirstBytes"/> (every picture) is read
/// through once before anything is sent, so a damaged one is refused with a message instead of reaching the browser; the
/// second read comes from the page cache or a short chunk query. A larger file is not read twice: it is hashed while it
/// streams, and on a mismatch the connection is aborted (the browser sees a failed download, never a complete-looking
/// wrong file). Either way the damage is logged. A file served is recorded in the audit trail against the record it
/// belongs to: pictures and scans carry credit records and signatures.
/// </summary>
public sealed class FileDownload(IBlobStore blobs, AuditLog audit, ILogger<FileDownload> logger)
{
    public const long VerifyFirstBytes = 16 * 1024 * 1024;

    public async Task<IResult> ServeAsync(FileRef file, string programmeId, AuditKey owner, CancellationToken ct)
    {
        try
        {
            if (file.Size <= VerifyFirstBytes && !await blobs.VerifyAsync(file.Sha256, ct))
                throw new BlobDamagedException(file.Sha256, "校验不符或文件缺失");
            if (await blobs.OpenAsync(file.Sha256, ct) is not { } content)
                throw new BlobDamagedException(file.Sha256, "没有该文件的存储记录");
            await audit.RecordAsync(AuditAction.FileDownloaded, programmeId, owner, file.Name, ct: ct);
            return new Streamed(file, content, logger);
        }
        catch (BlobDamagedException e)
        {
            logger.LogError(e, "拒绝提供已损坏的文件 {Name}（{Sha256}）", file.Name, file.Sha256);
            // 410: the file this link names is no longer available intact; the fault is logged for the operators.
            return Results.Problem(title: "文件已损坏，无法显示。已记录该问题，请联系管理员或重新上传该文件。", statusCode: StatusCodes.Status410Gone);
        }
    }

    private sealed class Streamed(FileRef file, Stream content, ILogger logger) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            await using (content)
            {
                var response = http.Response;
                response.ContentType = file.ContentType;
                response.ContentLength = file.Size;
                response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.Name }.ToString();
                // Scans, invoices and photos are personal or official papers, and each download is audited: no cache keeps a copy.
                response.Headers.CacheControl = "private, no-store";
                try
                {
                    await content.CopyToAsync(response.Body, http.RequestAborted);
                }
                catch (BlobDamagedException e)
                {
                    logger.LogError(e, "发送中发现文件已损坏，已中断下载 {Name}（{Sha256}）", file.Name, file.Sha256);
                    http.Abort();
                }
            }
        }
    }
}
