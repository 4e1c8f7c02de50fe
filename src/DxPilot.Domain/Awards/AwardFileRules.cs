namespace DxPilot.Domain.Awards;

/// <summary>
/// What each file of an application must be and which are needed to submit. Scans (承诺书, 申报声明: 数智 附件4 一、二) are PDF,
/// JPEG or PNG; pictures are JPEG or PNG judged by decoding, within the template's <see cref="ImageRules"/> where the call states
/// them (链式: 2 pictures of at most 1000×1000) and otherwise within the stated default (the scenario block's pictures per scenario,
/// at most <see cref="DefaultMaxPixels"/> a side). 证明材料 are scans too (PDF, JPEG or PNG), per subject, never required.
/// </summary>
public static class AwardFileRules
{
    public const long MaxPictureBytes = 5 * 1024 * 1024;
    /// <summary>A scenario block stating no number of pictures ("可配图") takes this many.</summary>
    public const int DefaultPicturesPerScenario = 4;
    /// <summary>A side no photo from a phone or camera reaches; a picture beyond it is refused before it is decoded.</summary>
    public const int DefaultMaxPixels = 6000;

    /// <summary>The 数智 申报书 carries the signed 承诺书 and 申报声明; the 链式 case's template has neither.</summary>
    public static bool TakesSignedScans(AwardCall call) => call.Kind == AwardKind.Benchmark;

    /// <summary>The picture rules of a slot (null for a scan), or why the call has no such slot.</summary>
    public static (ImageRules? Rules, string? Problem) Rules(AwardCall call, AwardFileSlot slot)
    {
        switch (slot.Kind)
        {
            case AwardFileKind.Pledge or AwardFileKind.Declaration:
                return TakesSignedScans(call) ? (null, null) : (null, "本申报书没有承诺书和申报声明，无需上传");
            case AwardFileKind.Evidence:
                var offered = EvidenceSubjects(call, call.Directions.Select(d => d.Key));
                return slot.Direction is null && slot.Scenario is { } subject && offered.Contains((AwardEvidenceSubject)subject)
                    ? (null, null) : (null, "请选择证明材料的类别：" + string.Join("、", offered.Select(AwardFile.SubjectLabel)));
            case AwardFileKind.CaseImage:
                return CaseImages(call) is { } images ? (images, null) : (null, "本申报书没有案例插图");
            case AwardFileKind.ScenarioPicture:
                if (slot.Direction is null || call.Direction(slot.Direction) is not { } direction) return (null, $"本次申报没有方向“{slot.Direction}”");
                if (direction.Template.Scenarios is not { } block) return (null, $"{direction.Label}的申报书没有应用场景");
                if (slot.Scenario is not { } n || n < 1 || n > block.Max) return (null, $"{direction.Label}的应用场景为第1至第{block.Max}个");
                return (ScenarioPictures(direction.Template), null);
            default:
                return (null, "不认识的文件类别");
        }
    }

    /// <summary>The 证明材料 subjects of the picked directions: the 相关附件 their templates list and those their criteria name, in
    /// <see cref="AwardFile.SubjectOrder"/>, and 其他相关附件 always.</summary>
    public static IReadOnlyList<AwardEvidenceSubject> EvidenceSubjects(AwardCall call, IEnumerable<string> picked)
    {
        var directions = picked.Select(call.Direction).OfType<AwardDirection>().ToList();
        var named = directions.SelectMany(d => d.Criteria).SelectMany(c => c.Evidence).Concat(directions.SelectMany(d => d.Listed)).ToHashSet();
        return AwardFile.SubjectOrder.Where(s => s == AwardEvidenceSubject.Other || named.Contains(s)).ToList();
    }

    /// <summary>The 相关附件 the picked directions' templates list, in <see cref="AwardFile.SubjectOrder"/>.</summary>
    public static IReadOnlyList<AwardEvidenceSubject> Listed(AwardCall call, IEnumerable<string> picked)
    {
        var listed = picked.Select(call.Direction).OfType<AwardDirection>().SelectMany(d => d.Listed).ToHashSet();
        return AwardFile.SubjectOrder.Where(listed.Contains).ToList();
    }

    /// <summary>链式案例插图: the template's image rules.</summary>
    public static ImageRules? CaseImages(AwardCall call) => call.Directions.Select(d => d.Template.Images).OfType<ImageRules>().FirstOrDefault();

    public static ImageRules ScenarioPictures(AwardTemplate template) => new(
        template.Scenarios is { PicturesPerScenario: > 0 } b ? b.PicturesPerScenario : DefaultPicturesPerScenario,
        template.Images?.MaxWidth ?? DefaultMaxPixels, template.Images?.MaxHeight ?? DefaultMaxPixels);

    /// <summary>What the files on record stop at submission: a missing signed scan, more pictures than a slot takes.</summary>
    public static IEnumerable<string> SubmissionProblems(AwardCall call, IReadOnlyCollection<AwardFileSlot> onFile, IReadOnlyList<string> picked)
    {
        if (TakesSignedScans(call))
        {
            if (onFile.All(f => f.Kind != AwardFileKind.Pledge)) yield return "缺少签字盖章的承诺书扫描件";
            if (onFile.All(f => f.Kind != AwardFileKind.Declaration)) yield return "缺少签字盖章的申报声明扫描件";
        }
        if (CaseImages(call) is { } images && ImageLimit.CountProblem(images, onFile.Count(f => f.Kind == AwardFileKind.CaseImage)) is { } tooMany)
            yield return tooMany;
        foreach (var group in onFile.Where(f => f.Kind == AwardFileKind.ScenarioPicture && picked.Contains(f.Direction!))
                     .GroupBy(f => (f.Direction, f.Scenario)).OrderBy(g => g.Key.Direction).ThenBy(g => g.Key.Scenario))
        {
            var direction = call.Direction(group.Key.Direction!)!;
            var rules = ScenarioPictures(direction.Template);
            if (group.Count() > rules.MaxCount) yield return $"{direction.Label}场景{group.Key.Scenario}的配图不超过{rules.MaxCount}张（现有{group.Count()}张）";
        }
    }
}
