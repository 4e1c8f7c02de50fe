namespace DxPilot.Domain.Diagnoses.Photos;

/// <summary>
/// When two photo files are the same picture: byte-identical (equal SHA-256), or a re-encoded, resized or re-exported copy
/// (64-bit DCT perceptual hashes within <see cref="SamePictureDistance"/> bits). The threshold and the measurements behind
/// it are in docs/photos.md: copies of the test photos re-encoded at quality 50-95 or resized to 25-75 % differ by at most
/// a few bits, distinct photos by about 32 (half the bits), and never fewer than 20 in the measured set.
/// </summary>
public static class PerceptualHash
{
    public const int SamePictureDistance = 7;

    /// <summary>The hash is stored in four 16-bit bands. Two hashes within 7 bits differ by at most 1 bit in at least one band
    /// (pigeonhole: 4 bands × 2 bits = 8 &gt; 7), so looking up each band's value and its 16 one-bit neighbours finds every
    /// candidate through an ordinary index (multi-index hashing).</summary>
    public const int BandCount = 4;

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    public static bool SamePicture(PhotoFileFacts a, PhotoFileFacts b) =>
        a.Sha256.Length > 0 && a.Sha256 == b.Sha256
        || a.Hash is { } x && b.Hash is { } y && Distance(x, y) <= SamePictureDistance;

    public static int Band(ulong hash, int band) => (int)((hash >> (16 * band)) & 0xFFFF);

    /// <summary>A band's value and every value one bit away from it: the 17 keys under which a near copy's band is stored.</summary>
    public static int[] BandNeighbours(ulong hash, int band)
    {
        var value = Band(hash, band);
        var keys = new int[17];
        keys[0] = value;
        for (var bit = 0; bit < 16; bit++) keys[bit + 1] = value ^ (1 << bit);
        return keys;
    }
}
