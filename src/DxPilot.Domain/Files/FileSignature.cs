namespace DxPilot.Domain.Files;

/// <summary>
/// A file's type judged by its first bytes (its signature), never by its name or by what the browser claimed:
/// a renamed text file or an SVG posing as a picture is not a picture.
/// </summary>
public static class FileSignature
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";
    public const string Unknown = "application/octet-stream";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadLength = 8;

    public static string Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : head.StartsWith("%PDF-"u8) ? Pdf
        : Unknown;

    /// <summary>A photo or screenshot (JPEG or PNG).</summary>
    public static bool IsPicture(string contentType) => contentType is Jpeg or Png;
}
