using DxPilot.Domain.Accounts;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>专项审计: the audit firm assigned to the enterprise classifies each invoice into the programme's spend categories with its
/// eligible part, and gives its opinion; completing the audit (the chain's step) fixes the eligible spend on the project.</summary>
public sealed partial class ProjectService
{
    /// <summary>One invoice's classification: the category key, the eligible part in 元 (null: all of it where the category counts,
    /// none where it does not) and a note.</summary>
    public sealed record Classification(Guid InvoiceId, string? CategoryKey, TypedAmount EligibleYuan, string? Note);

    public async Task<Outcome<Project>> SaveAuditAsync(Actor actor, Guid id, IReadOnlyList<Classification> lines, string? opinion, int version,
        CancellationToken ct = default)
    {
        var (project, refusal) = await TrackedAsync<Project>(actor, id, version, ct);
        if (project is null) return refusal!;
        var assigned = await AssignedAsync(actor, project, ct);
        if (ProjectPolicy.Audit(actor, assigned.AuditFirm) is { } why) return Outcome<Project>.Forbidden(why);
        if (!ProjectWorkflow.AuditEditable(project.Status))
            return Outcome<Project>.Conflict(project.Status is ProjectStatus.Audited or ProjectStatus.Approved or ProjectStatus.Paid
                ? "专项审计已完成，不能再修改" : "项目尚未通过验收，不能开展专项审计");
        var categories = programmes.Get(project.ProgrammeId).Money.SpendCategories.ToDictionary(c => c.Key);
        var invoices = await db.ProjectInvoices.Where(i => i.ProjectId == id).ToDictionaryAsync(i => i.Id, ct);
        var errors = new Dictionary<string, string>();
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n];
            var at = $"lines[{n}]";
            if (!invoices.TryGetValue(line.InvoiceId, out var invoice)) { errors[at] = $"第{n + 1}行的发票不属于本项目"; continue; }
            // Every problem of the line at once: an amount is checked whether or not a category is chosen yet.
            var category = line.CategoryKey is { } key && categories.TryGetValue(key, out var chosen) ? chosen : null;
            if (category is null) errors[$"{at}.categoryKey"] = $"请为发票{invoice.Number}选择支出类别";
            // Left empty, the category decides (all of an eligible invoice, none otherwise); text that is no number is refused, not read as empty.
            var eligible = line.EligibleYuan.Value ?? (category is null ? null : category.Eligible ? invoice.AmountYuan : 0m);
            if (line.EligibleYuan.Unreadable) errors[$"{at}.eligibleYuan"] = $"发票{invoice.Number}的合规金额应为数字（元），如 {invoice.AmountYuan.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
            else if (eligible is { } amount && EligibleProblem(invoice, category, amount) is { } problem) errors[$"{at}.eligibleYuan"] = problem;
            if (ControlCharacters.In(line.Note, multiline: false) || ChineseText.CountCharacters(line.Note?.Trim()) > MaxText)
                errors[$"{at}.note"] = $"发票{invoice.Number}的审计说明不超过{MaxText}字，且不能含控制字符";
        }
        if (ProseProblem(opinion, "审计意见") is { } bad) errors["opinion"] = bad;
        if (errors.Count > 0) return Outcome<Project>.Invalid(errors);
        foreach (var line in lines)
        {
            var invoice = invoices[line.InvoiceId];
            var category = categories[line.CategoryKey!];
            invoice.Classify(category.Key, line.EligibleYuan.Value ?? (category.Eligible ? invoice.AmountYuan : 0m), line.Note);
        }
        var firm = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        project.RecordAudit(actor.OrganisationId!.Value, firm, Trim(opinion), Now());
        return await saving.SaveAsync(project, What, () => project, ct);
    }

    /// <summary>What is wrong with an invoice's eligible part, as far as it can be told: with no category chosen yet, all but whether
    /// the category counts.</summary>
    private static string? EligibleProblem(ProjectInvoice invoice, SpendCategory? category, decimal amount) =>
        amount < 0 || decimal.Round(amount, 2) != amount ? $"发票{invoice.Number}的合规金额应为不小于0、最多两位小数的元数"
        : amount > invoice.AmountYuan ? $"发票{invoice.Number}的合规金额{ChineseText.Yuan(amount)}超过发票金额{ChineseText.Yuan(invoice.AmountYuan)}"
        : category is { Eligible: false } && amount > 0 ? $"“{category.Name}”不属于支持范围，发票{invoice.Number}的合规金额应为0"
        : null;
}
