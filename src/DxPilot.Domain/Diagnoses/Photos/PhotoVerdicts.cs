using System.Globalization;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Diagnoses.Photos;

/// <summary>
/// The watermark-camera rule of seed 002 §4(一) applied to every photo of one visit: taken inside the visit's span (within
/// the tolerance), with a position near the site (or, without one, near the visit's other photos), and not the same picture
/// as another photo of this visit or one stored for another visit or enterprise. Each problem says why, with its numbers.
/// </summary>
public static class PhotoVerdicts
{
    public static IReadOnlyList<PhotoVerdict> Judge(VisitSpan span, GeoPoint? site, PhotoRules rules, TimeZoneInfo zone, IReadOnlyList<PhotoToJudge> photos)
    {
        var verdicts = new List<PhotoVerdict>(photos.Count);
        for (var i = 0; i < photos.Count; i++)
        {
            var photo = photos[i];
            verdicts.Add(new PhotoVerdict(photo.Name, photo.Facts.IsPicture
                ? [.. TimeProblems(photo.Facts, span, rules, zone), .. PlaceProblems(photos, i, site, rules),
                   .. CopyProblems(photos, i)]
                : [FileProblem(photo.Facts, rules)]));
        }
        return verdicts;
    }

    private static PhotoProblem FileProblem(PhotoFileFacts facts, PhotoRules rules) => facts.Kind switch
    {
        PhotoKind.TooLarge when facts.Width > 0 => new(PhotoProblemCodes.TooLarge,
            $"PNG图片为{facts.Width}×{facts.Height}像素，超过PNG图片{rules.MaxPngPixels / 10_000}万像素的上限；现场照片请上传相机拍摄的JPEG原图"),
        PhotoKind.TooLarge when facts.SizeBytes == 0 => new(PhotoProblemCodes.TooLarge,
            $"照片超过每张{ChineseText.FileSize(rules.MaxBytes)}的上限；请上传相机原图，不要上传合成或扫描的大图"),
        PhotoKind.TooLarge => new(PhotoProblemCodes.TooLarge,
            $"照片大小为{ChineseText.FileSize(facts.SizeBytes)}，超过每张{ChineseText.FileSize(rules.MaxBytes)}的上限；请上传相机原图，不要上传合成或扫描的大图"),
        PhotoKind.Heic => new(PhotoProblemCodes.Heic,
            "照片是HEIC格式，网页和报告无法显示：请在手机相机设置中选择“兼容性最佳”（JPEG）后重新拍摄，或导出为JPEG后上传"),
        PhotoKind.Unreadable => new(PhotoProblemCodes.Unreadable, "照片文件已损坏或不完整，无法读取；请从相机或手机相册重新导出原图后上传"),
        _ => new(PhotoProblemCodes.NotImage, "文件不是照片：只接受JPEG或PNG格式的现场照片"),
    };

    private static IEnumerable<PhotoProblem> TimeProblems(PhotoFileFacts facts, VisitSpan span, PhotoRules rules, TimeZoneInfo zone)
    {
        if (facts.TakenAt(zone) is not { } taken)
        {
            yield return new(PhotoProblemCodes.TimeMissing,
                "照片中没有拍摄时间（EXIF），无法核对是否在诊断时间内拍摄；请上传相机原图（经微信等转发或编辑后的照片会丢失拍摄时间）");
            yield break;
        }
        var shown = $"拍摄时间{LocalTime.Show(taken, zone)}";
        var tolerance = $"（允许误差{Duration(rules.Tolerance)}）";
        if (taken < span.Start - rules.Tolerance)
            yield return new(PhotoProblemCodes.TimeOutside,
                $"{shown}，早于诊断开始时间{Clock(span.Start, taken, zone)}共{Duration(span.Start - taken)}{tolerance}");
        else if (taken > span.End + rules.Tolerance)
            yield return new(PhotoProblemCodes.TimeOutside,
                $"{shown}，晚于诊断结束时间{Clock(span.End, taken, zone)}共{Duration(taken - span.End)}{tolerance}");
    }

    private static IEnumerable<PhotoProblem> PlaceProblems(IReadOnlyList<PhotoToJudge> photos, int index, GeoPoint? site, PhotoRules rules)
    {
        if (photos[index].Facts.Position is not { } position)
        {
            yield return new(PhotoProblemCodes.GpsMissing,
                "照片中没有拍摄位置（GPS）；请在手机相机中开启定位后拍摄，并上传原图（经微信等转发的照片会丢失位置）");
            yield break;
        }
        var (reference, from) = site is { } s ? (s, "企业现场") : (MedianOfOthers(photos, index), "本次诊断其他照片的中间位置");
        if (reference is not { } r) yield break;
        var metres = position.MetresTo(r);
        if (metres > rules.FarMetres)
            yield return new(PhotoProblemCodes.GpsFar, $"拍摄位置距{from}{Kilometres(metres, rules.FarMetres)}（允许{Limit(rules.FarMetres)}）");
    }

    /// <summary>The component-wise median of the other photos' positions: one stray photo cannot drag it, as it would a mean.</summary>
    private static GeoPoint? MedianOfOthers(IReadOnlyList<PhotoToJudge> photos, int index)
    {
        var others = photos.Where((p, i) => i != index && p.Facts.IsPicture && p.Facts.Position is not null)
            .Select(p => p.Facts.Position!.Value).ToList();
        if (others.Count == 0) return null;
        return new GeoPoint(Median(others.Select(p => p.Latitude)), Median(others.Select(p => p.Longitude)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static IEnumerable<PhotoProblem> CopyProblems(IReadOnlyList<PhotoToJudge> photos, int index)
    {
        var facts = photos[index].Facts;
        // The first of two copies keeps its place; the later one is the copy.
        for (var j = 0; j < index; j++)
            if (photos[j].Facts.IsPicture && PerceptualHash.SamePicture(facts, photos[j].Facts))
            {
                var how = facts.Sha256 == photos[j].Facts.Sha256 ? "" : "（内容相同，只是压缩或缩放过）";
                yield return new(PhotoProblemCodes.Duplicate, $"与本次诊断的照片“{photos[j].Name}”是同一张照片{how}；每张照片只能使用一次");
                break;
            }
        foreach (var reuse in photos[index].Reuses.OrderBy(r => r.Distance).ThenBy(r => r.VisitOn).Take(3))
        {
            var how = reuse.Identical ? "" : "（内容相同，只是压缩或缩放过）";
            yield return new(PhotoProblemCodes.Duplicate,
                $"与{ChineseText.Date(reuse.VisitOn)}{reuse.EnterpriseName}现场诊断的照片相同{how}；不能使用其他诊断的照片");
        }
    }

    /// <summary>"12:30" on the photo's day, the full date and time otherwise.</summary>
    private static string Clock(DateTimeOffset at, DateTimeOffset taken, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.Date == TimeZoneInfo.ConvertTime(taken, zone).Date
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : LocalTime.Show(at, zone);
    }

    /// <summary>"16分钟", "1小时5分钟", "15分钟1秒": seconds are shown when there are any, so a photo 1 second past the tolerance
    /// does not read as exactly on it.</summary>
    private static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        var hours = (long)span.TotalHours;
        if (hours > 0) parts.Add($"{hours}小时");
        if (span.Minutes > 0) parts.Add($"{span.Minutes}分钟");
        if (span.Seconds > 0) parts.Add($"{span.Seconds}秒");
        return parts.Count == 0 ? "0分钟" : string.Concat(parts);
    }

    /// <summary>Kilometres to one decimal; a distance that would round down to the limit is shown to ten metres
    /// (2.02公里), so that one just over the limit never reads as the limit.</summary>
    private static string Kilometres(double metres, double limitMetres)
    {
        var km = Math.Round(metres / 1000, 1, MidpointRounding.AwayFromZero);
        return km * 1000 > limitMetres
            ? $"{km.ToString("0.0", CultureInfo.InvariantCulture)}公里"
            : $"{(Math.Ceiling(metres / 10) / 100).ToString("0.00", CultureInfo.InvariantCulture)}公里";
    }

    private static string Limit(double metres) => $"{(metres / 1000).ToString("0.##", CultureInfo.InvariantCulture)}公里";
}
