using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Diagnoses;

/// <summary>咨询诊断的状态; the labels users read and who moves a diagnosis between them are the programme's.</summary>
public enum DiagnosisStatus
{
    /// <summary>诊断中: the provider records the agreement, team, visits and report.</summary>
    InProgress = 1,
    /// <summary>待验收: submitted with every rule met; the city (or its experts) accepts or returns it.</summary>
    Submitted = 2,
    /// <summary>退回修改: back with the provider, with the reason.</summary>
    Returned = 3,
    /// <summary>已验收, with the acceptance opinion.</summary>
    Accepted = 4,
}

public enum DiagnosisTrigger
{
    /// <summary>提交验收 (the provider; again after a return)</summary>
    Submit = 1,
    /// <summary>退回修改, with the reason the provider reads</summary>
    Return = 2,
    /// <summary>通过验收, with the 验收意见</summary>
    Accept = 3,
}

/// <summary>What the diagnosis' guards look at: the diagnosis and its checklist as it stands.</summary>
public sealed record DiagnosisCase(Diagnosis Diagnosis, DiagnosisChecklist Checklist);

/// <summary>The 咨询诊断 process: its vocabulary and guards. Its chain is in the programme's file, under diagnosis.workflow.</summary>
public static class DiagnosisWorkflow
{
    /// <summary>Seed 002 四: every hard rule is checked before submission; the reason names each red item.</summary>
    public static readonly Guard<DiagnosisCase> Checklist = new("checklist", c =>
        c.Subject.Checklist.Refusal(ChecklistStage.Submission) is { } why ? $"不能提交：{why}" : null);

    /// <summary>Acceptance follows the enterprise's satisfaction form (附件2 第二条2).</summary>
    public static readonly Guard<DiagnosisCase> Satisfaction = new("satisfaction", c =>
        c.Subject.Checklist.Refusal(ChecklistStage.Acceptance) is { } why ? $"不能{c.Action}：{why}" : null);

    /// <summary>The acceptance opinion (验收意见) is what the city files; it cannot be empty.</summary>
    public static readonly Guard<DiagnosisCase> OpinionRequired = new("opinionRequired", c =>
        string.IsNullOrWhiteSpace(c.Reason) ? "须填写验收意见" : null);

    public static readonly WorkflowProcess<DiagnosisStatus, DiagnosisTrigger, DiagnosisCase> Process =
        new("咨询诊断", nameof(Diagnosis), Checklist, Satisfaction, OpinionRequired, Guard<DiagnosisCase>.ReasonRequired);
}
