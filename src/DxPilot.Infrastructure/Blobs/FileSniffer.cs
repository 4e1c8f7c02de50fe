using DxPilot.Domain.Files;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>A stream's type judged by its first bytes (<see cref="FileSignature"/>), before anything is stored.</summary>
public static class FileSniffer
{
    public static async Task<string> SniffAsync(Stream content, CancellationToken ct)
    {
        var head = new byte[FileSignature.HeadLength];
        var length = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return FileSignature.Sniff(head.AsSpan(0, length));
    }
}
