using DxPilot.Domain.Files;

namespace DxPilot.Domain.Tests.Files;

/// <summary>The type of a file comes from its first bytes (the signatures published for JPEG, PNG and PDF), never from its name.</summary>
public sealed class FileSignatureTests
{
    public static TheoryData<byte[], string> Heads => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F'], FileSignature.Jpeg },
        { [0xFF, 0xD8, 0xFF, 0xE1], FileSignature.Jpeg },
        { [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00], FileSignature.Png },
        { "%PDF-1.7\n"u8.ToArray(), FileSignature.Pdf },
        // A PNG signature cut short, a text file, an SVG and nothing at all are not pictures.
        { [0x89, (byte)'P', (byte)'N', (byte)'G'], FileSignature.Unknown },
        { "设备名称,IP地址"u8.ToArray(), FileSignature.Unknown },
        { "<svg xmlns="u8.ToArray(), FileSignature.Unknown },
        { [], FileSignature.Unknown },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void A_file_is_typed_by_its_signature(byte[] head, string expected) => Assert.Equal(expected, FileSignature.Sniff(head));

    [Fact]
    public void Only_JPEG_and_PNG_are_pictures()
    {
        Assert.True(FileSignature.IsPicture(FileSignature.Jpeg));
        Assert.True(FileSignature.IsPicture(FileSignature.Png));
        Assert.False(FileSignature.IsPicture(FileSignature.Pdf));
        Assert.False(FileSignature.IsPicture(FileSignature.Unknown));
    }

    [Theory]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("../../etc/passwd")]
    public void A_file_reference_refuses_anything_but_a_lower_case_hex_SHA256(string hash) =>
        Assert.Throws<ArgumentException>(() => new FileRef(hash, 0, FileSignature.Png, "a.png"));

    [Fact]
    public void A_file_reference_keeps_hash_size_type_and_name()
    {
        // SHA-256 of the empty input (FIPS 180-4 test vector).
        var file = new FileRef("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0, FileSignature.Pdf, "承诺书.pdf");
        Assert.Equal(("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0L, FileSignature.Pdf, "承诺书.pdf"),
            (file.Sha256, file.Size, file.ContentType, file.Name));
    }
}
