using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>专项资金: the city approves subsidies in batches (each item answered on its own) and records payments against them
/// (partial payments allowed, a voucher number once per programme); the last payment completes the project.</summary>
public sealed partial class ProjectService
{
    public const int MaxBatch = 20_000;
    private const int BatchChunk = 500;

    /// <summary>One project of a batch and the version the approver read (null: as it stands).</summary>
    public sealed record BatchItem(Guid Id, int? Version);

    /// <summary>What happened to one item of a batch: approved with its amount, or why not.</summary>
    public sealed record BatchResult(Guid Id, bool Approved, decimal? SubsidyWan, string? Message);

    /// <summary>
    /// 批量核定: every item is decided on its own (unmet conditions named, another approver's earlier decision reported), in chunks
    /// saved together; a chunk that meets a concurrent approver is retried item by item so that only the items really taken fail.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<BatchResult>>> ApproveBatchAsync(Actor actor, IReadOnlyList<BatchItem> items, string? batchName, CancellationToken ct = default)
    {
        if (RulesOf(actor) is null) return Outcome<IReadOnlyList<BatchResult>>.NotFound();
        if (ProjectPolicy.Pay(actor) is { } why) return Outcome<IReadOnlyList<BatchResult>>.Forbidden(why);
        if (items.Count == 0) return Outcome<IReadOnlyList<BatchResult>>.Invalid(new Dictionary<string, string> { ["items"] = "请选择要核定的项目" });
        if (items.Count > MaxBatch) return Outcome<IReadOnlyList<BatchResult>>.Invalid(new Dictionary<string, string> { ["items"] = $"每批不超过{MaxBatch}个项目" });
        if (ControlCharacters.In(batchName, multiline: false) || ChineseText.CountCharacters(batchName?.Trim()) > 60)
            return Outcome<IReadOnlyList<BatchResult>>.Invalid(new Dictionary<string, string> { ["batch"] = "批次名称不超过60字，且不能含控制字符" });
        var batch = BatchName(actor, batchName);
        var results = new Dictionary<Guid, BatchResult>();
        foreach (var chunk in items.DistinctBy(i => i.Id).Chunk(BatchChunk))
        {
            var decided = await ApproveChunkAsync(actor, chunk, batch, ct);
            if (decided is null)
            {
                // Someone else changed one of them meanwhile: each on its own, so that the others still go through.
                foreach (var item in chunk) results[item.Id] = (await ApproveChunkAsync(actor, [item], batch, ct) ?? [Stale(item.Id)])[0];
            }
            else foreach (var r in decided) results[r.Id] = r;
        }
        return Outcome<IReadOnlyList<BatchResult>>.Ok(items.DistinctBy(i => i.Id).Select(i => results[i.Id]).ToList());
    }

    /// <summary>The batch's name as given, or one by date when none is.</summary>
    private string BatchName(Actor actor, string? batchName) =>
        string.IsNullOrWhiteSpace(batchName) ? $"{Today(programmes.Get(actor.ProgrammeId)):yyyyMMdd}-{Guid.NewGuid().ToString("N")[..4]}" : batchName.Trim();

    /// <summary>Decides the items and saves the approved ones together; null when the save met a concurrent change.</summary>
    private async Task<IReadOnlyList<BatchResult>?> ApproveChunkAsync(Actor actor, IReadOnlyList<BatchItem> chunk, string batch, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var ids = chunk.Select(i => i.Id).ToList();
        var projects = await InScope(actor).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var facts = await FactsAsync(projects.Values.ToList(), ct);
        var results = new List<BatchResult>();
        foreach (var item in chunk)
        {
            if (!projects.TryGetValue(item.Id, out var project)) { results.Add(new(item.Id, false, null, "找不到该项目，或不在您的权限范围内")); continue; }
            if (item.Version is { } read && read != project.Version)
            {
                results.Add(new(item.Id, false, null, $"{project.ProjectName}：已被他人处理（当前状态：{RulesOf(actor)!.Chain.Label(project.Status, actor)}），请刷新后再核定"));
                db.Entry(project).State = EntityState.Unchanged;
                continue;
            }
            saving.Expect(project, project.Version);
            var refused = await TakeAsync(actor, project, ProjectTrigger.Approve, null, facts[project.Id], batch, ct);
            results.Add(refused is null ? new(item.Id, true, project.SubsidyWan, null) : new(item.Id, false, null, $"{project.ProjectName}：{refused.Message}"));
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return results;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private static BatchResult Stale(Guid id) => new(id, false, null, "该项目在核定时已被他人处理，请刷新后再核定");

    /// <summary>One payment of an approved subsidy: within what is still unpaid, dated no later than today and no earlier than the
    /// approval, its voucher number new to the programme. The payment that completes the amount marks the project paid.</summary>
    public async Task<Outcome<ProjectPayment>> RecordPaymentAsync(Actor actor, Guid id, DateOnly? paidOn, TypedAmount amountWan, string? voucherNo, string? note,
        int version, CancellationToken ct = default)
    {
        var (project, refusal) = await TrackedAsync<ProjectPayment>(actor, id, version, ct);
        if (project is null) return refusal!;
        if (ProjectPolicy.Pay(actor) is { } why) return Outcome<ProjectPayment>.Forbidden(why);
        if (project.Status != ProjectStatus.Approved)
            return Outcome<ProjectPayment>.Conflict(project.Status == ProjectStatus.Paid ? "该项目的补助资金已拨付完毕" : "该项目的补助资金尚未核定，不能登记拨付");
        var programme = programmes.Get(project.ProgrammeId);
        var errors = new Dictionary<string, string>();
        var approvedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(project.ApprovedAt!.Value, programme.Zone));
        if (paidOn is not { } on) errors["paidOn"] = "请填写拨付日期";
        else if (on > Today(programme)) errors["paidOn"] = "拨付日期不能晚于今天";
        else if (on < approvedOn) errors["paidOn"] = $"拨付日期不能早于核定日期（{ChineseText.Date(approvedOn)}）";
        if (amountWan.Empty) errors["amountWan"] = "请填写拨付金额（万元）";
        else if (amountWan.Value is not { } amount) errors["amountWan"] = "拨付金额应为数字（万元），如 12.50";
        else if (amount <= 0 || decimal.Round(amount, 2) != amount) errors["amountWan"] = "拨付金额应为大于0、最多两位小数的万元数";
        else if (amount > project.OutstandingWan)
            errors["amountWan"] = $"拨付金额{ChineseText.Wan(amount)}万元超过尚未拨付的{ChineseText.Wan(project.OutstandingWan)}万元（核定{ChineseText.Wan(project.SubsidyWan)}万元，已拨付{ChineseText.Wan(project.PaidWan)}万元）";
        var voucher = voucherNo?.Trim();
        if (string.IsNullOrEmpty(voucher)) errors["voucherNo"] = "请填写凭证号";
        else if (voucher.Length > 64 || ControlCharacters.In(voucher, multiline: false)) errors["voucherNo"] = "凭证号不超过64个字符，且不能含控制字符";
        else if (await db.ProjectPayments.AnyAsync(p => p.ProgrammeId == project.ProgrammeId && p.VoucherNo == voucher, ct))
            errors["voucherNo"] = $"凭证号{voucher}已登记过，同一凭证不能重复拨付";
        if (ControlCharacters.In(note, multiline: false) || ChineseText.CountCharacters(note?.Trim()) > MaxText) errors["note"] = $"备注不超过{MaxText}字，且不能含控制字符";
        if (errors.Count > 0) return Outcome<ProjectPayment>.Invalid(errors);
        var payment = ProjectPayment.Record(project, paidOn!.Value, amountWan.Value!.Value, voucher!, note, actor.Name, Now());
        db.ProjectPayments.Add(payment);
        project.RecordPayment(payment.AmountWan, Now());
        if (project.OutstandingWan == 0)
        {
            var facts = (await FactsAsync([project], ct))[project.Id];
            if (await TakeAsync(actor, project, ProjectTrigger.Pay, null, facts, null, ct) is { } refused) return Outcome<ProjectPayment>.Forbidden(refused.Message!);
        }
        return await saving.SaveAsync(project, What, () => payment, ct,
            () => Task.FromResult(Invalid<ProjectPayment>("voucherNo", $"凭证号{voucher}已登记过，同一凭证不能重复拨付")));
    }
}
