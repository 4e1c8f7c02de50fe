using Microsoft.AspNetCore.Http.Metadata;

namespace DxPilot.Web.Features.Files;

/// <summary>
/// The body a page or endpoint that takes an upload accepts: the file limit it states and <see cref="Headroom"/> above it. A
/// file somewhat over its limit still reaches the check that refuses it by name next to its field, the typed values kept (the
/// global limit stopped a 15 MB scan before its page could even read the antiforgery token); a body beyond even that is
/// refused by the server with 413, whose answer states this limit (<see cref="MessageFor"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute(long fileBytes) : Attribute, IRequestSizeLimitMetadata, IFormOptionsMetadata
{
    public const long Headroom = 10 * 1024 * 1024;

    public long FileBytes => fileBytes;

    public string Message => $"上传的文件不能超过{fileBytes / 1024 / 1024}MB，请压缩或拆分后重新上传";

    /// <summary>What a 413 of this endpoint says, or null where it states no upload limit.</summary>
    public static string? MessageFor(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<UploadLimitAttribute>()?.Message;

    public long? MaxRequestBodySize => fileBytes + Headroom;
    public long? MultipartBodyLengthLimit => fileBytes + Headroom;

    public bool? BufferBody => null;
    public int? MemoryBufferThreshold => null;
    public long? BufferBodyLengthLimit => null;
    public int? ValueCountLimit => null;
    public int? KeyLengthLimit => null;
    public int? ValueLengthLimit => null;
    public int? MultipartBoundaryLengthLimit => null;
    public int? MultipartHeadersCountLimit => null;
    public int? MultipartHeadersLengthLimit => null;
}
