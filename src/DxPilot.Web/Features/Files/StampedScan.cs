using DxPilot.Domain.Files;
using DxPilot.Infrastructure.Blobs;

namespace DxPilot.Web.Features.Files;

/// <summary>A signed and stamped document as uploaded (a diagnosis agreement, a service contract): a PDF or a picture judged by
/// its first bytes, never by its extension, at most <see cref="MaxBytes"/>.</summary>
public static class StampedScan
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static bool Accepts(string sniffedType) => sniffedType == FileSignature.Pdf || FileSignature.IsPicture(sniffedType);

    /// <summary>What is wrong with the upload of <paramref name="document"/> (协议, 合同), or null; <paramref name="missing"/> is what
    /// an empty upload is told (by default: the stamped scan of the document).</summary>
    public static async Task<string?> ProblemAsync(UploadedFile? scan, string document, CancellationToken ct, string? missing = null)
    {
        if (scan is null || scan.Length == 0) return missing ?? $"请选择双方盖章后的{document}扫描件";
        if (scan.Length > MaxBytes) return $"“{scan.Name}”超过{MaxBytes / 1024 / 1024}MB，请压缩后重新上传";
        await using var content = scan.Open();
        return Accepts(await FileSniffer.SniffAsync(content, ct)) ? null : $"“{scan.Name}”不是PDF、JPEG或PNG文件（按文件内容判断，与扩展名无关）";
    }
}
