namespace DxPilot.Domain.Diagnoses.Photos;

/// <summary>
/// The programme's settings for the watermark-camera rule (seed 002 §4(一)): how far a photo's time may fall outside the
/// visit's span, how far from the site (or the visit's other photos) it may be taken, and the largest file accepted.
/// </summary>
public sealed record PhotoRules(TimeSpan Tolerance, double FarMetres, long MaxBytes)
{
    public static PhotoRules Default { get; } = new(TimeSpan.FromMinutes(15), 2_000, 20 * 1024 * 1024);

    /// <summary>PNGs are screenshots and exports (a phone screen is 3-4 megapixels) and are decoded whole, unlike JPEGs:
    /// 16 megapixels is 64 MB decoded, the most one may cost.</summary>
    public long MaxPngPixels { get; init; } = 16_000_000;
}

/// <summary>现场诊断 start and end as instants.</summary>
public sealed record VisitSpan
{
    public VisitSpan(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start) throw new ArgumentException("A visit ends after it starts.", nameof(end));
        (Start, End) = (start, end);
    }

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
}

/// <summary>The same picture already stored for another visit (of this enterprise or another), as the reuse index found it.</summary>
public sealed record PhotoReuse(Guid EnterpriseId, string EnterpriseName, Guid VisitId, DateOnly VisitOn, Guid PhotoId, int Distance, bool Identical);

/// <summary>One photo of a visit to judge: its file name, its facts and the stored copies of it found elsewhere.</summary>
public sealed record PhotoToJudge(string Name, PhotoFileFacts Facts, IReadOnlyList<PhotoReuse> Reuses);

/// <summary>Why a photo does not prove the visit: a stable code for programs and a Chinese message, with the numbers, for people.</summary>
public sealed record PhotoProblem(string Code, string Message);

public sealed record PhotoVerdict(string Name, IReadOnlyList<PhotoProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>The problem codes: part of the `photos check` output and of the upload API, so they never change meaning.</summary>
public static class PhotoProblemCodes
{
    public const string TimeOutside = "time-outside";
    public const string TimeMissing = "time-missing";
    public const string GpsMissing = "gps-missing";
    public const string GpsFar = "gps-far";
    public const string Duplicate = "duplicate";
    public const string NotImage = "not-image";
    public const string Unreadable = "unreadable";
    public const string TooLarge = "too-large";
    public const string Heic = "heic";
}
