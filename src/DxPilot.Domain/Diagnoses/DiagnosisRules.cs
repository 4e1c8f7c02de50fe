using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Diagnoses;

/// <summary>
/// A programme's diagnosis rules as its file declares them under "diagnosis" (Changchun: seed 002 三（一）, 四（一）-（三）,
/// 附件2 and 附件3): the agreement's term, the team, visits, training, photos and report rules checked before submission,
/// the photo checks' tolerances, the target, and the acceptance chain.
/// </summary>
public sealed class DiagnosisRules
{
    /// <summary>The document the rules come from, as users name it.</summary>
    public required string Source { get; init; }
    /// <summary>附件2 第一条2: 服务期限30天，自协议签订之日起计算.</summary>
    public int AgreementTermDays { get; init; } = 30;
    /// <summary>四（二）: 不少于3人.</summary>
    public int TeamMinimum { get; init; } = 3;
    /// <summary>四（二）: 中级及以上工程师职称不少于1人.</summary>
    public int SeniorMinimum { get; init; } = 1;
    /// <summary>四（三）: 单次诊断时间不少于3小时.</summary>
    public double VisitMinimumHours { get; init; } = 3;
    /// <summary>四（三）: 主题培训单次不低于2小时.</summary>
    public double TrainingMinimumHours { get; init; } = 2;
    /// <summary>附件3 现场诊断记录表: 每次入场不少于5张, 入场和离场门口各一张, 培训或访谈不少于2张, 生产现场不少于1张.</summary>
    public int PhotosPerVisit { get; init; } = 5;
    public int EntryLogoPhotos { get; init; } = 1;
    public int ExitLogoPhotos { get; init; } = 1;
    public int TrainingOrInterviewPhotos { get; init; } = 2;
    public int ProductionFloorPhotos { get; init; } = 1;
    /// <summary>三（一）6: 不少于1.5万字.</summary>
    public int ReportMinimumCharacters { get; init; } = 15000;
    /// <summary>How far a photo's capture time may lie outside its visit's span.</summary>
    public int PhotoToleranceMinutes { get; init; } = 15;
    /// <summary>How far a photo may have been taken from the visit's other photos.</summary>
    public double PhotoFarKilometres { get; init; } = 2;
    /// <summary>How many enterprises the programme means to diagnose (Changchun: 500).</summary>
    public int? Target { get; init; }
    public required WorkflowChain Workflow { get; init; }

    private Workflow<DiagnosisStatus, DiagnosisTrigger, DiagnosisCase>? _chain;

    /// <summary>The compiled chain (the loader checked <see cref="Problems"/> first).</summary>
    public Workflow<DiagnosisStatus, DiagnosisTrigger, DiagnosisCase> Chain => _chain ??= DiagnosisWorkflow.Process.Compile(Workflow);

    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Source)) yield return ("source", "不能为空");
        if (AgreementTermDays < 1) yield return ("agreementTermDays", "应为正整数");
        if (TeamMinimum < 1) yield return ("teamMinimum", "应为正整数");
        if (SeniorMinimum < 0 || SeniorMinimum > TeamMinimum) yield return ("seniorMinimum", "应在0到团队最少人数之间");
        if (VisitMinimumHours is <= 0 or > 24) yield return ("visitMinimumHours", "应在0到24小时之间");
        if (TrainingMinimumHours is <= 0 or > 24) yield return ("trainingMinimumHours", "应在0到24小时之间");
        if (EntryLogoPhotos + ExitLogoPhotos + TrainingOrInterviewPhotos + ProductionFloorPhotos > PhotosPerVisit)
            yield return ("photosPerVisit", "不能少于各类照片最少张数之和");
        if (ReportMinimumCharacters < 0) yield return ("reportMinimumCharacters", "不能为负数");
        if (PhotoToleranceMinutes < 0) yield return ("photoToleranceMinutes", "不能为负数");
        if (PhotoFarKilometres <= 0) yield return ("photoFarKilometres", "应为正数");
        if (Target is < 1) yield return ("target", "应为正整数");
        foreach (var (path, reason) in DiagnosisWorkflow.Process.Problems(Workflow)) yield return ($"workflow.{path}", reason);
    }
}
