using System.Globalization;
using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Projects;

/// <summary>One delivered item of the completion report: what a contract line delivered, the system it put into service and
/// when it went live; the agency checks the go-live on site (seed 002 三（二）5 核查系统上线运行情况).</summary>
public sealed record Delivery
{
    /// <summary>The contract it delivers under, and the line's 序号 there (null for work outside a contract line).</summary>
    public Guid? ContractId { get; init; }
    public int? LineNo { get; init; }
    /// <summary>产品/服务名称 as the contract line names it.</summary>
    public string Item { get; init; } = "";
    /// <summary>交付内容: what was delivered.</summary>
    public string Delivered { get; init; } = "";
    /// <summary>上线系统 (MES, ERP…); empty for a delivery that is not a system.</summary>
    public string? System { get; init; }
    public DateOnly? GoLiveOn { get; init; }
    /// <summary>The agency's check: true 上线运行正常, false 未上线/运行异常, null not checked yet.</summary>
    public bool? Verified { get; init; }
    public string? CheckNote { get; init; }

    /// <summary>The check as the page and the 评测报告 word it: a delivery that is no system has no go-live to check.</summary>
    public string CheckVerdict => Verified switch
    {
        true => "上线运行正常",
        false => "未上线或运行异常",
        null => string.IsNullOrWhiteSpace(System) ? "不涉及系统上线" : "未核查",
    };
}

/// <summary>完工报告: the deliveries, as the enterprise (with its provider) reports them; the agency adds its checks.</summary>
public sealed class CompletionReport : IAuditedDocument
{
    public List<Delivery> Deliveries { get; set; } = [];
    /// <summary>完工说明: what the enterprise wants the agency to know.</summary>
    public string? Note { get; set; }

    public IReadOnlyDictionary<string, string> AuditFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Deliveries.Count; i++)
        {
            var d = Deliveries[i];
            var goLive = d.GoLiveOn is { } on ? $"，{on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}上线" : "";
            fields[$"交付第{i + 1}项"] = $"{d.Item}：{d.Delivered}{(string.IsNullOrWhiteSpace(d.System) ? "" : $"（{d.System}{goLive}）")}";
            if (d.Verified is { } ok) fields[$"交付第{i + 1}项核查"] = (ok ? "上线运行正常" : "未上线或运行异常") + (d.CheckNote is { Length: > 0 } n ? $"：{n}" : "");
        }
        if (!string.IsNullOrWhiteSpace(Note)) fields["完工说明"] = Note;
        return fields;
    }
}

/// <summary>A member of the acceptance expert group (seed 002 三（二）6 第三方评测机构组成专家组; 附件5 负责人签字、组员签字).</summary>
public sealed record ExpertMember
{
    public string Name { get; init; } = "";
    /// <summary>工作单位; with its USCC when known, so a conflict with the project's providers is found by code, not by spelling.</summary>
    public string Unit { get; init; } = "";
    public string? UnitUscc { get; init; }
    /// <summary>职称/职务.</summary>
    public string? Title { get; init; }
    /// <summary>组长 (负责人): exactly one per group.</summary>
    public bool Leader { get; init; }
    /// <summary>The member's expert account, when it has one: it then reads the project it accepts.</summary>
    public string? UserId { get; init; }
    /// <summary>Whether the member signed the opinion (the signed page is uploaded as a scan).</summary>
    public bool Signed { get; init; }
}

/// <summary>The acceptance as the agency records it (附件5 第三方评测机构审核意见): the group, the document review and the
/// site check, the opinion and the improvement suggestions; with rectification, the items, their deadline and the re-check.</summary>
public sealed class AcceptanceRecord : IAuditedDocument
{
    public List<ExpertMember> Members { get; set; } = [];
    /// <summary>书面材料审核 findings.</summary>
    public string? DocumentReview { get; set; }
    /// <summary>现场核查 date and findings.</summary>
    public DateOnly? SiteCheckOn { get; set; }
    public string? SiteCheck { get; set; }
    /// <summary>审核意见 (the opinion the 附件5 prints).</summary>
    public string? Opinion { get; set; }
    /// <summary>改进建议.</summary>
    public string? Suggestions { get; set; }
    /// <summary>整改要求 (only when passing after rectification).</summary>
    public List<RectificationItem> Rectifications { get; set; } = [];
    public DateOnly? RectifyBy { get; set; }
    /// <summary>复查: when and what the agency found.</summary>
    public DateOnly? RecheckedOn { get; set; }
    public string? Recheck { get; set; }

    public ExpertMember? Leader => Members.FirstOrDefault(m => m.Leader);

    public IReadOnlyDictionary<string, string> AuditFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Members.Count; i++)
        {
            var m = Members[i];
            fields[$"专家组第{i + 1}人"] = $"{m.Name}（{m.Unit}{(m.Title is { Length: > 0 } t ? $"，{t}" : "")}）{(m.Leader ? "组长" : "组员")}{(m.Signed ? "，已签字" : "")}";
        }
        Put(fields, "书面材料审核", DocumentReview);
        if (SiteCheckOn is { } on) fields["现场核查日期"] = Day(on);
        Put(fields, "现场核查情况", SiteCheck);
        Put(fields, "审核意见", Opinion);
        Put(fields, "改进建议", Suggestions);
        for (var i = 0; i < Rectifications.Count; i++)
            fields[$"整改第{i + 1}项"] = Rectifications[i].Item + (Rectifications[i].Done ? "（已整改）" : "");
        if (RectifyBy is { } by) fields["整改期限"] = Day(by);
        if (RecheckedOn is { } re) fields["复查日期"] = Day(re);
        Put(fields, "复查情况", Recheck);
        return fields;
    }

    private static void Put(Dictionary<string, string> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) fields[name] = value;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>整改要求: one item; the agency marks it done at the re-check.</summary>
public sealed record RectificationItem(string Item, bool Done = false);
