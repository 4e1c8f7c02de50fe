namespace DxPilot.Domain.Auditing;

/// <summary>What an audit entry records. Stored by name, so a dashboard counts "submitted this week" without matching Chinese text.</summary>
public enum AuditAction
{
    /// <summary>新建</summary>
    Created = 1,
    /// <summary>修改</summary>
    Updated = 2,
    /// <summary>导入 (a row of an imported list)</summary>
    Imported = 3,
    /// <summary>调整规模 (a bureau overrides the size class)</summary>
    SizeOverridden = 4,
    /// <summary>重新评分 (one assessment, or a bulk run keyed by instrument)</summary>
    Rescored = 5,
    /// <summary>佐证材料 (files attached to or removed from a record)</summary>
    EvidenceChanged = 6,
    /// <summary>状态变更 (a workflow transition)</summary>
    StateChanged = 7,
    /// <summary>删除</summary>
    Deleted = 8,
    /// <summary>明细变更 (rows of a record added, changed or removed: a team member, a visit)</summary>
    DetailsChanged = 9,
    /// <summary>登录</summary>
    SignedIn = 20,
    /// <summary>登录失败</summary>
    SignInFailed = 21,
    /// <summary>账号锁定</summary>
    LockedOut = 22,
    /// <summary>退出登录</summary>
    SignedOut = 23,
    /// <summary>创建账号</summary>
    AccountCreated = 24,
    /// <summary>修改密码 (by the account's own user)</summary>
    PasswordChanged = 25,
    /// <summary>重置密码 (by a bureau; a new one-time password)</summary>
    PasswordReset = 26,
    /// <summary>停用账号</summary>
    AccountDisabled = 27,
    /// <summary>启用账号</summary>
    AccountEnabled = 28,
    /// <summary>登录受限 (a network address reached its failed sign-ins; it waits until its window ends)</summary>
    ClientThrottled = 29,
    /// <summary>下载文件</summary>
    FileDownloaded = 30,
    /// <summary>导出</summary>
    Exported = 31,
}

public static class AuditActions
{
    public static string Label(this AuditAction action) => action switch
    {
        AuditAction.Created => "新建",
        AuditAction.Updated => "修改",
        AuditAction.Imported => "导入",
        AuditAction.SizeOverridden => "调整规模",
        AuditAction.Rescored => "重新评分",
        AuditAction.EvidenceChanged => "佐证材料",
        AuditAction.StateChanged => "状态变更",
        AuditAction.Deleted => "删除",
        AuditAction.DetailsChanged => "明细变更",
        AuditAction.SignedIn => "登录",
        AuditAction.SignInFailed => "登录失败",
        AuditAction.LockedOut => "账号锁定",
        AuditAction.SignedOut => "退出登录",
        AuditAction.AccountCreated => "创建账号",
        AuditAction.PasswordChanged => "修改密码",
        AuditAction.PasswordReset => "重置密码",
        AuditAction.AccountDisabled => "停用账号",
        AuditAction.AccountEnabled => "启用账号",
        AuditAction.ClientThrottled => "登录受限",
        AuditAction.FileDownloaded => "下载文件",
        AuditAction.Exported => "导出",
        _ => action.ToString(),
    };
}
