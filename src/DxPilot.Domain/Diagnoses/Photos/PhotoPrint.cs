namespace DxPilot.Domain.Diagnoses.Photos;

/// <summary>
/// A stored photo's fingerprint in the reuse index: which visit of which enterprise it proves, its SHA-256 and its perceptual
/// hash, split into the four 16-bit bands the index looks up (<see cref="PerceptualHash.BandCount"/>). Derived from the
/// photo record it belongs to and written with it, so it is not audited on its own; the visit and photo ids are plain
/// columns because the visit aggregate owns those rows.
/// </summary>
public sealed class PhotoPrint
{
    private PhotoPrint() { }

    public PhotoPrint(string programmeId, Guid enterpriseId, Guid visitId, DateOnly visitOn, Guid photoId, string sha256, ulong hash)
    {
        (ProgrammeId, EnterpriseId, VisitId, VisitOn, PhotoId, Sha256) = (programmeId, enterpriseId, visitId, visitOn, photoId, sha256);
        Hash = unchecked((long)hash);
        (Band0, Band1, Band2, Band3) = (PerceptualHash.Band(hash, 0), PerceptualHash.Band(hash, 1), PerceptualHash.Band(hash, 2), PerceptualHash.Band(hash, 3));
    }

    public Guid PhotoId { get; private set; }
    public string ProgrammeId { get; private set; } = "";
    public Guid EnterpriseId { get; private set; }
    public Guid VisitId { get; private set; }
    /// <summary>The visit's date, for the message that names where the picture was used before.</summary>
    public DateOnly VisitOn { get; private set; }
    public string Sha256 { get; private set; } = "";
    /// <summary>The 64-bit hash as a signed integer, the type both databases index.</summary>
    public long Hash { get; private set; }
    public int Band0 { get; private set; }
    public int Band1 { get; private set; }
    public int Band2 { get; private set; }
    public int Band3 { get; private set; }
}
