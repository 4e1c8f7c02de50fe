namespace DxPilot.Web.Features.Diagnoses;

/// <summary>How the list, its export and the overview word what they show.</summary>
public static class DiagnosisLabels
{
    /// <summary>The agreement's term as a person reads it: 剩余3天, 今天届满, 已超期2天; nothing once it is no longer the provider's.</summary>
    public static string? DaysLeft(int? daysLeft) => daysLeft switch
    {
        null => null,
        0 => "今天届满",
        > 0 => $"剩余{daysLeft}天",
        _ => $"已超期{-daysLeft}天",
    };

    /// <summary>The red-items filter's choices besides each checklist item.</summary>
    public const string AnyRed = "任一项未满足";
    public const string PastTerm = "协议已超期";
}
