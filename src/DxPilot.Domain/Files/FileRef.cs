namespace DxPilot.Domain.Files;

/// <summary>
/// A stored file as a record refers to it: the content's lower-case hex SHA-256 (its address in the blob store), its size,
/// its type as read from its first bytes, and the name the person gave it. The bytes themselves live in the blob store.
/// </summary>
public sealed record FileRef
{
    public FileRef(string sha256, long size, string contentType, string name)
    {
        if (!IsSha256(sha256)) throw new ArgumentException($"不是小写十六进制的SHA-256：“{sha256}”", nameof(sha256));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        (Sha256, Size, ContentType, Name) = (sha256, size, contentType, name);
    }

    public string Sha256 { get; private init; }
    public long Size { get; private init; }
    public string ContentType { get; private init; }
    public string Name { get; private init; }

    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower);
}
