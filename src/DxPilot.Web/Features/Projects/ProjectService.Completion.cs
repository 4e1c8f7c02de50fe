using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>报告完工: the enterprise (with its provider) reports what each contract line delivered, when its systems went live, and
/// uploads the invoices with their scans. A difference from the contracts' total is flagged, never blocking.</summary>
public sealed partial class ProjectService
{
    public const int MaxDeliveries = 100;
    public const int MaxText = 200;
    /// <summary>The largest 价税合计 the invoices' column holds (precision 14, 2).</summary>
    public const decimal MaxInvoiceYuan = 999_999_999_999.99m;

    /// <summary>One invoice as typed (its scan comes beside it).</summary>
    public sealed record InvoiceInput(Guid? ContractId, string? Number, DateOnly? IssuedOn, string? Seller, string? Item, TypedAmount AmountYuan);

    public async Task<Outcome<Project>> SaveCompletionAsync(Actor actor, Guid id, IReadOnlyList<Delivery> deliveries, string? note, int version,
        CancellationToken ct = default)
    {
        var (project, refusal) = await TrackedAsync<Project>(actor, id, version, ct);
        if (project is null) return refusal!;
        if (await CompletionRefusalAsync<Project>(actor, project, ct) is { } no) return no;
        var errors = new Dictionary<string, string>();
        if (deliveries.Count > MaxDeliveries) errors["deliveries"] = $"交付内容不超过{MaxDeliveries}项";
        var contracts = await db.ServiceContracts.AsNoTracking().Where(c => c.FilingId == project.FilingId).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < deliveries.Count; i++)
        {
            var d = deliveries[i];
            var at = $"deliveries[{i}]";
            if (string.IsNullOrWhiteSpace(d.Item)) errors[$"{at}.item"] = $"第{i + 1}项请填写产品/服务名称";
            if (string.IsNullOrWhiteSpace(d.Delivered)) errors[$"{at}.delivered"] = $"第{i + 1}项请填写交付内容";
            foreach (var (field, text, limit, label) in new[] { ("item", d.Item, MaxText, "产品/服务名称"), ("delivered", d.Delivered, MaxProse, "交付内容"),
                         ("system", d.System, MaxText, "上线系统") })
            {
                // The count as typed, so that the user knows how much to cut (as the filing form says it).
                if (ControlCharacters.In(text, multiline: field == "delivered")) errors[$"{at}.{field}"] = ControlCharacters.Message($"第{i + 1}项");
                else if (ChineseText.CountCharacters(text?.Trim()) is var count && count > limit) errors[$"{at}.{field}"] = $"第{i + 1}项{label}不超过{limit}字，现为{count}字";
            }
            if (d.ContractId is { } c && !contracts.Contains(c)) errors[$"{at}.contractId"] = $"第{i + 1}项的合同不属于本项目";
            if (!string.IsNullOrWhiteSpace(d.System) && d.GoLiveOn is null) errors[$"{at}.goLiveOn"] = $"第{i + 1}项请填写“{d.System.Trim()}”的上线日期";
            if (d.GoLiveOn is { } on && on > Today(programmes.Get(project.ProgrammeId))) errors[$"{at}.goLiveOn"] = $"第{i + 1}项的上线日期不能晚于今天";
        }
        if (ControlCharacters.In(note, multiline: true)) errors["note"] = ControlCharacters.Message("完工说明");
        else if (ChineseText.CountCharacters(note?.Trim()) is var noted && noted > MaxProse) errors["note"] = $"完工说明不超过{MaxProse}字，现为{noted}字";
        if (errors.Count > 0) return Outcome<Project>.Invalid(errors);
        project.ReportCompletion(new CompletionReport
        {
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Deliveries = deliveries.Select(d => d with
            {
                Item = d.Item.Trim(), Delivered = d.Delivered.Trim().Replace("\r\n", "\n"),
                System = string.IsNullOrWhiteSpace(d.System) ? null : d.System.Trim(), Verified = null, CheckNote = null,
            }).ToList(),
        }, Now());
        return await saving.SaveAsync(project, What, () => project, ct);
    }

    /// <summary>Adds an invoice with its scan (PDF or picture, by content); the same number twice in a project is refused.</summary>
    public async Task<Outcome<ProjectInvoice>> AddInvoiceAsync(Actor actor, Guid id, InvoiceInput input, UploadedFile? scan, int version,
        CancellationToken ct = default)
    {
        var (project, refusal) = await TrackedAsync<ProjectInvoice>(actor, id, version, ct);
        if (project is null) return refusal!;
        if (await CompletionRefusalAsync<ProjectInvoice>(actor, project, ct) is { } no) return no;
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Number)) errors["number"] = "请填写发票号码";
        else if (input.Number.Trim().Length > 64 || !input.Number.Trim().All(char.IsAsciiLetterOrDigit)) errors["number"] = "发票号码应为不超过64位的数字或字母";
        if (input.IssuedOn is not { } issued) errors["issuedOn"] = "请填写开票日期";
        else if (issued > Today(programmes.Get(project.ProgrammeId))) errors["issuedOn"] = "开票日期不能晚于今天";
        foreach (var (field, text, label) in new[] { ("seller", input.Seller, "销售方"), ("item", input.Item, "货物或服务名称") })
        {
            if (string.IsNullOrWhiteSpace(text)) errors[field] = $"请填写{label}";
            else if (ControlCharacters.In(text, multiline: false)) errors[field] = ControlCharacters.Message(label);
            else if (ChineseText.CountCharacters(text.Trim()) > MaxText) errors[field] = $"{label}不超过{MaxText}字";
        }
        if (input.AmountYuan.Empty) errors["amountYuan"] = "请填写价税合计金额（元）";
        else if (input.AmountYuan.Value is not { } amount) errors["amountYuan"] = "价税合计金额应为数字（元），如 723000.00";
        else if (amount <= 0 || decimal.Round(amount, 2) != amount) errors["amountYuan"] = "金额应为大于0、最多两位小数的元数";
        else if (amount > MaxInvoiceYuan) errors["amountYuan"] = $"价税合计金额不能超过{ChineseText.Yuan(MaxInvoiceYuan)}";
        if (input.ContractId is { } c && !await db.ServiceContracts.AnyAsync(x => x.Id == c && x.FilingId == project.FilingId, ct))
            errors["contractId"] = "该合同不属于本项目";
        if (await StampedScan.ProblemAsync(scan, "发票", ct, "请上传发票扫描件（PDF、JPEG或PNG）") is { } problem) errors["scan"] = problem;
        if (errors.Count > 0) return Outcome<ProjectInvoice>.Invalid(errors);
        var number = input.Number!.Trim();
        if (await db.ProjectInvoices.AnyAsync(i => i.ProjectId == id && i.Number == number, ct))
            return Invalid<ProjectInvoice>("number", $"发票{number}已经登记过");
        StoredBlob blob;
        await using (var content = scan!.Open()) blob = await blobs.PutAsync(content, ct);
        var invoice = ProjectInvoice.Report(id, input.ContractId, number, input.IssuedOn!.Value, input.Seller!, input.Item!, input.AmountYuan.Value!.Value, blob.Named(scan.Name));
        db.ProjectInvoices.Add(invoice);
        project.Touch(Now());
        return await saving.SaveAsync(project, What, () => invoice, ct,
            () => Task.FromResult(Invalid<ProjectInvoice>("number", $"发票{number}已经登记过")));
    }

    public async Task<Outcome<Project>> RemoveInvoiceAsync(Actor actor, Guid id, Guid invoiceId, int version, CancellationToken ct = default)
    {
        var (project, refusal) = await TrackedAsync<Project>(actor, id, version, ct);
        if (project is null) return refusal!;
        if (await CompletionRefusalAsync<Project>(actor, project, ct) is { } no) return no;
        if (await db.ProjectInvoices.FirstOrDefaultAsync(i => i.Id == invoiceId && i.ProjectId == id, ct) is not { } invoice) return Outcome<Project>.NotFound();
        db.ProjectInvoices.Remove(invoice);
        project.Touch(Now());
        return await saving.SaveAsync(project, What, () => project, ct);
    }

    /// <summary>An invoice's scan, for those who may read its project.</summary>
    public async Task<(Domain.Files.FileRef File, string ProgrammeId, Guid ProjectId)?> OpenFileAsync(Actor actor, Guid fileId, CancellationToken ct = default)
    {
        var invoice = await (from i in db.ProjectInvoices join p in InScope(actor) on i.ProjectId equals p.Id where i.Id == fileId
                             select new { i.Scan, p.ProgrammeId, p.Id }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (invoice is not null) return (invoice.Scan, invoice.ProgrammeId, invoice.Id);
        var file = await (from f in db.ProjectFiles join p in InScope(actor) on f.ProjectId equals p.Id where f.Id == fileId
                          select new { f.File, p.ProgrammeId, p.Id }).AsNoTracking().FirstOrDefaultAsync(ct);
        return file is null ? null : (file.File, file.ProgrammeId, file.Id);
    }

    /// <summary>Why the actor may not change the completion report now: 403 for who never does, 409 once it was reported.</summary>
    private async Task<Outcome<T>?> CompletionRefusalAsync<T>(Actor actor, Project project, CancellationToken ct)
    {
        var assigned = await AssignedAsync(actor, project, ct);
        if (ProjectPolicy.ReportCompletion(actor, project, assigned.Provider) is { } why) return Outcome<T>.Forbidden(why);
        return ProjectWorkflow.CompletionEditable(project.Status) ? null : Outcome<T>.Conflict("完工报告已提交，不能再修改");
    }
}
