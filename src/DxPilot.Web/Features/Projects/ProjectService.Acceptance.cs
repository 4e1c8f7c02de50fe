using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Web.Features.Accounts;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>定级评测 and 验收 (seed 002 三（二）5-6): the agency assigned to the enterprise records its 改造后 assessment, checks each
/// system's go-live and concludes; then forms the expert group and records the document review, the site check and the opinion.</summary>
public sealed partial class ProjectService
{
    public const int MaxMembers = 15;

    /// <summary>The agency's go-live check of one delivery (in the completion report's order).</summary>
    public sealed record GoLiveCheck(bool? Verified, string? Note);

    public async Task<Outcome<Project>> SaveEvaluationAsync(Actor actor, Guid id, Guid? afterAssessmentId, IReadOnlyList<GoLiveCheck> checks,
        string? conclusion, int version, CancellationToken ct = default)
    {
        var (project, refusal) = await TrackedAsync<Project>(actor, id, version, ct);
        if (project is null) return refusal!;
        var assigned = await AssignedAsync(actor, project, ct);
        if (ProjectPolicy.Continue(actor, project, assigned.Agency) is { } why) return Outcome<Project>.Forbidden(why);
        if (!ProjectWorkflow.EvaluationEditable(project.Status))
            return Outcome<Project>.Conflict(project.Status == ProjectStatus.Implementing ? "企业尚未报告完工，不能评测" : "评测报告已出具，不能再修改");
        var errors = new Dictionary<string, string>();
        var after = afterAssessmentId is { } a
            ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == a && x.EnterpriseId == project.EnterpriseId, ct)
            : null;
        // The level reached is the agency's own on-site evaluation, never the enterprise's self-test or a provider's diagnosis.
        if (after is null) errors["afterAssessmentId"] = "请选择本机构为该企业填写的改造后评测";
        else if (after.Stage != AssessmentStage.After || after.AssessorKind != AssessorKind.EvaluationAgency || after.OrganisationId != actor.OrganisationId)
            errors["afterAssessmentId"] = "只能依据本机构填写的“改造后”评测出具评测报告";
        if (checks.Count != project.Completion.Deliveries.Count) errors["checks"] = $"请逐项核查完工报告的{project.Completion.Deliveries.Count}项交付";
        for (var i = 0; i < checks.Count; i++)
            if (ControlCharacters.In(checks[i].Note, multiline: false) || ChineseText.CountCharacters(checks[i].Note?.Trim()) > MaxText)
                errors[$"checks[{i}].note"] = $"第{i + 1}项核查说明不超过{MaxText}字，且不能含控制字符";
        if (ProseProblem(conclusion, "评测结论") is { } bad) errors["conclusion"] = bad;
        if (errors.Count > 0) return Outcome<Project>.Invalid(errors);
        // 改造前: the latest before-stage assessment on the file (the diagnosis'), which the report compares with.
        var before = await db.Assessments.AsNoTracking().Where(x => x.EnterpriseId == project.EnterpriseId && x.Stage == AssessmentStage.Before)
            .OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.CreatedAt).Select(x => new { x.Id, x.Level, x.Score }).FirstOrDefaultAsync(ct);
        var agencyName = await db.Organisations.Where(o => o.Id == actor.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        project.RecordEvaluation(actor.OrganisationId!.Value, agencyName, (after!.Id, after.Level, after.Score),
            before is null ? null : (before.Id, before.Level, before.Score), checks.Select(c => (c.Verified, Trim(c.Note))).ToList(), Trim(conclusion), Now());
        return await saving.SaveAsync(project, What, () => project, ct);
    }

    /// <summary>The acceptance group and opinion (附件5); members of a provider of the project are refused (conflict of interest).</summary>
    public async Task<Outcome<Project>> SaveAcceptanceAsync(Actor actor, Guid id, AcceptanceRecord record, int version, CancellationToken ct = default)
    {
        var (project, refusal) = await TrackedAsync<Project>(actor, id, version, ct);
        if (project is null) return refusal!;
        var assigned = await AssignedAsync(actor, project, ct);
        if (ProjectPolicy.Continue(actor, project, assigned.Agency) is { } why) return Outcome<Project>.Forbidden(why);
        if (!ProjectWorkflow.AcceptanceEditable(project.Status))
            return Outcome<Project>.Conflict(project.Status is ProjectStatus.Implementing or ProjectStatus.Completed
                ? "须先出具改造后的数字化水平评测报告，才能组织验收" : "验收意见已提交，不能再修改");
        var rules = RulesOf(actor)!;
        var errors = new Dictionary<string, string>();
        if (record.Members.Count > MaxMembers) errors["members"] = $"专家组不超过{MaxMembers}人";
        var experts = await db.ExpertAccountsAsync(record.Members.Select(m => m.UserId).OfType<string>().ToList(), actor.ProgrammeId, ct);
        for (var i = 0; i < record.Members.Count; i++)
        {
            var m = record.Members[i];
            var at = $"members[{i}]";
            if (string.IsNullOrWhiteSpace(m.Name)) errors[$"{at}.name"] = $"第{i + 1}位专家请填写姓名";
            if (string.IsNullOrWhiteSpace(m.Unit)) errors[$"{at}.unit"] = $"第{i + 1}位专家请填写工作单位";
            foreach (var (field, text) in new[] { ("name", m.Name), ("unit", m.Unit), ("title", m.Title) })
                if (ControlCharacters.In(text, multiline: false) || ChineseText.CountCharacters(text?.Trim()) > MaxText)
                    errors[$"{at}.{field}"] = $"第{i + 1}位专家的信息不超过{MaxText}字，且不能含控制字符";
            if (m.UnitUscc is { Length: > 0 } u && !Domain.Enterprises.Uscc.TryParse(u, out _, out _))
                errors[$"{at}.unitUscc"] = $"第{i + 1}位专家工作单位的统一社会信用代码不正确";
            if (m.UserId is { } user && !experts.ContainsKey(user)) errors[$"{at}.userId"] = $"第{i + 1}位专家的账号不是本试点的专家账号";
        }
        foreach (var (field, text, label) in new[] { ("documentReview", record.DocumentReview, "书面材料审核情况"), ("siteCheck", record.SiteCheck, "现场核查情况"),
                     ("opinion", record.Opinion, "审核意见"), ("suggestions", record.Suggestions, "改进建议"), ("recheck", record.Recheck, "复查情况") })
            if (ProseProblem(text, label) is { } bad) errors[field] = bad;
        for (var i = 0; i < record.Rectifications.Count; i++)
            if (string.IsNullOrWhiteSpace(record.Rectifications[i].Item) || ProseProblem(record.Rectifications[i].Item, $"整改第{i + 1}项") is not null)
                errors[$"rectifications[{i}]"] = $"整改第{i + 1}项请填写内容（不超过{MaxProse}字）";
        var programme = programmes.Get(project.ProgrammeId);
        var today = Today(programme);
        if (record.SiteCheckOn > today) errors["siteCheckOn"] = "现场核查日期不能晚于今天";
        else if (record.SiteCheckOn < programme.Period.Start) errors["siteCheckOn"] = $"现场核查日期不能早于本试点开始（{ChineseText.Date(programme.Period.Start)}）";
        if (record.RecheckedOn is { } re && (re > today || record.SiteCheckOn is { } s0 && re < s0)) errors["recheckedOn"] = "复查日期应在现场核查之后、不晚于今天";
        if (record.RectifyBy is { } by && record.SiteCheckOn is { } from && (by < from || by.DayNumber - from.DayNumber > rules.RectificationMaxDays))
            errors["rectifyBy"] = $"整改期限应在现场核查后{rules.RectificationMaxDays}天以内";
        if (errors.Count > 0) return Outcome<Project>.Invalid(errors);
        project.RecordAcceptance(new AcceptanceRecord
        {
            Members = record.Members.Select(m => m with
            {
                Name = m.Name.Trim(), Unit = m.Unit.Trim(), Title = Trim(m.Title),
                // An expert account's employer counts for the conflict check even where its USCC was not typed.
                UnitUscc = m.UnitUscc is { Length: > 0 } u ? Domain.Enterprises.Uscc.Normalise(u) : m.UserId is { } user ? experts[user] : null,
            }).ToList(),
            DocumentReview = Trim(record.DocumentReview), SiteCheckOn = record.SiteCheckOn, SiteCheck = Trim(record.SiteCheck),
            Opinion = Trim(record.Opinion), Suggestions = Trim(record.Suggestions),
            Rectifications = record.Rectifications.Select(r => r with { Item = r.Item.Trim() }).ToList(), RectifyBy = record.RectifyBy,
            RecheckedOn = record.RecheckedOn, Recheck = Trim(record.Recheck),
        }, Now());
        // A member whose unit provides the project cannot sit in its group: refused with the name, nothing kept.
        var conflicts = (await FactsAsync([project], ct))[project.Id].GroupConflicts;
        if (conflicts.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<Project>.Invalid(new Dictionary<string, string> { ["members"] = string.Join("；", conflicts) });
        }
        return await saving.SaveAsync(project, What, () => project, ct);
    }

    /// <summary>The signed acceptance opinion (the agency) or the audit report (the audit firm), streamed into the blob store.</summary>
    public async Task<Outcome<ProjectFile>> UploadFileAsync(Actor actor, Guid id, ProjectFileKind kind, UploadedFile? scan, int version, CancellationToken ct = default)
    {
        var (project, refusal) = await TrackedAsync<ProjectFile>(actor, id, version, ct);
        if (project is null) return refusal!;
        var assigned = await AssignedAsync(actor, project, ct);
        var (who, open) = kind == ProjectFileKind.AuditReport
            ? (ProjectPolicy.Audit(actor, assigned.AuditFirm), ProjectWorkflow.AuditEditable(project.Status))
            : (ProjectPolicy.Continue(actor, project, assigned.Agency), ProjectWorkflow.AcceptanceEditable(project.Status));
        if (who is { } why) return Outcome<ProjectFile>.Forbidden(why);
        if (!open) return Outcome<ProjectFile>.Conflict($"当前状态（{RulesOf(actor)!.Chain.Label(project.Status, actor)}）不能上传{ProjectFile.Label(kind)}");
        if (await StampedScan.ProblemAsync(scan, ProjectFile.Label(kind), ct, $"请选择{ProjectFile.Label(kind)}（PDF、JPEG或PNG）") is { } problem)
            return Invalid<ProjectFile>("scan", problem);
        StoredBlob blob;
        await using (var content = scan!.Open()) blob = await blobs.PutAsync(content, ct);
        var file = ProjectFile.Upload(id, kind, blob.Named(scan.Name), actor.Name, Now());
        db.ProjectFiles.Add(file);
        project.Touch(Now());
        return await saving.SaveAsync(project, What, () => file, ct);
    }

    private static string? ProseProblem(string? text, string label) =>
        ControlCharacters.In(text, multiline: true) ? ControlCharacters.Message(label)
        : ChineseText.CountCharacters(text?.Trim()) > MaxProse ? $"{label}不超过{MaxProse}字"
        : null;

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n");
}
