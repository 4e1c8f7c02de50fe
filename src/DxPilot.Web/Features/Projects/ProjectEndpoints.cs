using DxPilot.Domain.Auditing;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Projects;

/// <summary>The project API, under /api/projects: the same use cases, scopes and refusals as the pages.</summary>
public static class ProjectEndpoints
{
    public sealed record CompletionInput(List<Delivery>? Deliveries, string? Note, int? Version);
    public sealed record EvaluationInput(Guid? AfterAssessmentId, List<ProjectService.GoLiveCheck>? Checks, string? Conclusion, int? Version);
    public sealed record AcceptanceInput(AcceptanceRecord? Acceptance, int? Version);
    public sealed record AuditInput(List<ProjectService.Classification>? Lines, string? Opinion, int? Version);
    public sealed record TransitionInput(string? Trigger, string? Reason, int? Version);
    public sealed record ApprovalInput(List<ProjectService.BatchItem>? Items, string? Batch);
    public sealed record PaymentInput(DateOnly? PaidOn, decimal? AmountWan, string? VoucherNo, string? Note, int? Version);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/projects").WithTags("改造项目实施、验收与资金")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (HttpContext http, ProjectService service, [AsParameters] ProjectFilterParameters q, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                var rules = service.RulesOf(actor);
                var filter = q.ToFilter();
                var listed = await service.ListAsync(actor, filter, QueryValue.Int(q.Page) ?? 1, ct);
                var totals = listed.IsOk ? await service.TotalsAsync(actor, filter, ct) : null;
                return ApiResults.From(listed, p => Results.Ok(new
                {
                    p.Total, p.TotalCapped, p.PageNumber, p.PageSize, Totals = totals,
                    Items = p.Items.Select(r => new
                    {
                        r.Id, r.EnterpriseId, r.EnterpriseName, r.Uscc, r.District, r.ProjectName, State = WorkflowNames.Of(r.Status),
                        StateLabel = rules!.Chain.Label(r.Status, actor), r.TargetLevel, r.LevelBefore, r.LevelAfter, r.DueOn, r.SubsidyWan, r.PaidWan, r.StatusSince,
                    }),
                }));
            })
            .WithSummary("改造项目列表：search（企业名称、统一社会信用代码或项目名称）、district、state（implementing / completed / evaluated / rectifying / "
                         + "districtConfirmation / accepted / failed / audited / approved / paid）、overdue=period（超过实施期限）/ rectification（超过整改期限）、"
                         + "step（evaluated 完成评测 / accepted 通过验收 / audited 完成审计 / approved 已核定 / decided 有验收结论）、levelBefore（0-4、none、any）、"
                         + "levelAfter（0-4、any）、provider（服务商编号）、paid=yes（已有拨付）、queue=mine（待我处理）、page；不带 search 与 queue 时 totals 给出筛选结果的项目数与资金合计（万元）");

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, ProjectService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(http.User.RequireActor(), id, ct), v => Results.Ok(Dto(v, http))))
            .WithSummary("改造项目：完工报告、发票、评测、验收、审计、补助测算、拨付记录和各环节尚缺的内容");

        api.MapPut("/{id:guid}/completion", async (Guid id, CompletionInput input, HttpContext http, ProjectService service, CancellationToken ct) =>
                input.Version is not { } v ? MissingVersion()
                : ApiResults.From(await service.SaveCompletionAsync(http.User.RequireActor(), id, input.Deliveries ?? [], input.Note, v, ct), Saved))
            .WithSummary("保存完工报告（交付内容、上线系统及日期、完工说明），version 为读取时项目的版本");

        api.MapPost("/{id:guid}/invoices", async (Guid id, [FromForm] string? contractId, [FromForm] string? number, [FromForm] string? issuedOn,
                [FromForm] string? seller, [FromForm] string? item, [FromForm] string? amountYuan, [FromForm] int? version, IFormFile? scan, HttpContext http,
                ProjectService service, CancellationToken ct) =>
            {
                if (version is not { } v) return MissingVersion();
                var input = new ProjectService.InvoiceInput(Guid.TryParse(contractId, out var c) ? c : null, number, QueryValue.Date(issuedOn), seller, item,
                    TypedAmount.Read(amountYuan));
                return ApiResults.From(await service.AddInvoiceAsync(http.User.RequireActor(), id, input, scan is null ? null : UploadedFile.From(scan), v, ct),
                    i => Results.Ok(new { i.Id, i.Number, i.AmountYuan }));
            })
            .DisableAntiforgery()
            .WithMetadata(new UploadLimitAttribute(StampedScan.MaxBytes))
            .WithSummary("登记发票（multipart：number、issuedOn（yyyy-MM-dd）、seller、item、amountYuan（元）、contractId（可选）、scan 扫描件、version）");

        api.MapDelete("/{id:guid}/invoices/{invoiceId:guid}", async (Guid id, Guid invoiceId, int? version, HttpContext http, ProjectService service, CancellationToken ct) =>
                version is not { } v ? MissingVersion()
                : ApiResults.From(await service.RemoveInvoiceAsync(http.User.RequireActor(), id, invoiceId, v, ct), Saved))
            .WithSummary("删除完工前登记的发票（?version=）；审计记录保留其内容");

        api.MapPut("/{id:guid}/evaluation", async (Guid id, EvaluationInput input, HttpContext http, ProjectService service, CancellationToken ct) =>
                input.Version is not { } v ? MissingVersion()
                : ApiResults.From(await service.SaveEvaluationAsync(http.User.RequireActor(), id, input.AfterAssessmentId, input.Checks ?? [], input.Conclusion, v, ct), Saved))
            .WithSummary("评测机构保存定级评测：afterAssessmentId（本机构的改造后评测）、checks（逐项核查系统上线运行情况）、conclusion");

        api.MapPut("/{id:guid}/acceptance", async (Guid id, AcceptanceInput input, HttpContext http, ProjectService service, CancellationToken ct) =>
                input.Version is not { } v ? MissingVersion()
                : ApiResults.From(await service.SaveAcceptanceAsync(http.User.RequireActor(), id, input.Acceptance ?? new AcceptanceRecord(), v, ct), Saved))
            .WithSummary("评测机构保存验收记录：专家组成员（姓名、单位、统一社会信用代码、职称、组长、已签字）、书面审核、现场核查、审核意见、改进建议、整改要求与期限、复查");

        api.MapPost("/{id:guid}/files", async (Guid id, [FromForm] string? kind, [FromForm] int? version, IFormFile? scan, HttpContext http, ProjectService service,
                CancellationToken ct) =>
            {
                if (version is not { } v) return MissingVersion();
                if (WorkflowNames.Parse<ProjectFileKind>(kind) is not { } k)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["kind 应为 signedAcceptance（签字盖章的验收意见）或 auditReport（专项审计报告）"] }, title: "提交的内容有误");
                return ApiResults.From(await service.UploadFileAsync(http.User.RequireActor(), id, k, scan is null ? null : UploadedFile.From(scan), v, ct),
                    f => Results.Ok(new { f.Id, f.File.Name }));
            })
            .DisableAntiforgery()
            .WithMetadata(new UploadLimitAttribute(StampedScan.MaxBytes))
            .WithSummary("上传签字盖章的验收意见（评测机构）或专项审计报告（审计机构）：multipart kind、scan、version");

        api.MapGet("/files/{fileId:guid}", async (Guid fileId, HttpContext http, ProjectService service, FileDownload download, CancellationToken ct) =>
                await service.OpenFileAsync(http.User.RequireActor(), fileId, ct) is { } found
                    ? await download.ServeAsync(found.File, found.ProgrammeId, AuditKey.Of<Project>(found.ProjectId), ct)
                    : Results.Problem(title: "找不到该文件，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("下载发票扫描件、签字验收意见或审计报告（记入审计）");

        api.MapPut("/{id:guid}/audit", async (Guid id, AuditInput input, HttpContext http, ProjectService service, CancellationToken ct) =>
                input.Version is not { } v ? MissingVersion()
                : ApiResults.From(await service.SaveAuditAsync(http.User.RequireActor(), id, input.Lines ?? [], input.Opinion, v, ct), Saved))
            .WithSummary("审计机构认定发票支出类别与合规金额（元）并填写审计意见；类别见 GET /api/projects/spend-categories");

        api.MapGet("/spend-categories", (HttpContext http, ProjectService service) => Results.Ok(service.SpendCategories(http.User.RequireActor())))
            .WithSummary("本试点专项审计的支出类别（是否纳入补助范围）");

        api.MapPost("/{id:guid}/transitions", async (Guid id, TransitionInput input, HttpContext http, ProjectService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<ProjectTrigger>(input.Trigger) is not { } trigger)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["trigger"] = ["请指定操作：complete / evaluate / pass / rectify / fail / recheck / confirm / audit / approve"] },
                        title: "提交的内容有误");
                return ApiResults.From(await service.TransitionAsync(http.User.RequireActor(), id, trigger, input.Reason, input.Version, ct), Saved);
            })
            .WithSummary("流转：complete 报告完工、evaluate 出具评测报告、pass 验收通过、rectify 整改后通过、fail 验收不通过（须理由）、recheck 复查通过、"
                         + "confirm 区县确认验收（须意见）、audit 完成专项审计、approve 核定补助资金；version 为读取时的版本");

        api.MapPost("/approvals", async (ApprovalInput input, HttpContext http, ProjectService service, CancellationToken ct) =>
                ApiResults.From(await service.ApproveBatchAsync(http.User.RequireActor(), input.Items ?? [], input.Batch, ct), r => Results.Ok(new
                {
                    Approved = r.Count(x => x.Approved), Refused = r.Count(x => !x.Approved), TotalWan = r.Sum(x => x.SubsidyWan ?? 0),
                    Items = r,
                })))
            .WithSummary("批量核定补助资金：items [{id, version}]、batch（批次名称，可选）；逐项返回结果");

        api.MapPost("/{id:guid}/payments", async (Guid id, PaymentInput input, HttpContext http, ProjectService service, CancellationToken ct) =>
                input.Version is not { } v ? MissingVersion()
                : ApiResults.From(await service.RecordPaymentAsync(http.User.RequireActor(), id, input.PaidOn, input.AmountWan, input.VoucherNo, input.Note, v, ct),
                    p => Results.Ok(new { p.Id, p.PaidOn, p.AmountWan, p.VoucherNo })))
            .WithSummary("登记拨付：paidOn、amountWan（万元，两位小数，可分次）、voucherNo（凭证号，不可重复）、note、version");
    }

    private static IResult Saved(Project p) => Results.Ok(new { p.Id, State = WorkflowNames.Of(p.Status), p.Version });

    private static IResult MissingVersion() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["请提供读取时项目的版本号"] }, title: "提交的内容有误");

    private static object Dto(ProjectView v, HttpContext http)
    {
        var actor = http.User.RequireActor();
        var p = v.Project;
        return new
        {
            p.Id, p.FilingId, p.EnterpriseId, Enterprise = v.Enterprise.Name, p.District, p.ProjectName, State = WorkflowNames.Of(p.Status),
            StateLabel = v.StatusLabel(actor), p.Version, p.TargetLevel, p.InvestmentWan, p.DueOn, p.ExcludedFromCentralFunds, p.FiledAt,
            Completion = new { p.Completion.Deliveries, p.Completion.Note, p.CompletedAt },
            Invoices = v.Facts.Invoices.Select(i => new
            {
                i.Id, i.ContractId, i.Number, i.IssuedOn, i.Seller, i.Item, i.AmountYuan, Scan = new { i.Scan.Name, i.Scan.Size, Url = $"/api/projects/files/{i.Id}" },
                i.CategoryKey, i.EligibleYuan, i.AuditNote,
            }),
            v.InvoicedYuan, ContractTotalYuan = v.Facts.ContractTotalYuan, v.InvoiceWarning,
            Evaluation = new { p.AgencyName, p.AfterAssessmentId, p.LevelAfter, p.ScoreAfter, p.BeforeAssessmentId, p.LevelBefore, p.ScoreBefore, p.EvaluationConclusion, p.EvaluatedAt },
            p.Acceptance, p.DistrictOpinion, p.AcceptedAt,
            Audit = new { p.AuditFirmName, p.EligibleYuan, ClassifiedEligibleYuan = v.ClassifiedEligibleYuan, p.AuditOpinion, p.AuditedAt },
            Files = v.Facts.Files.Select(f => new { f.Id, Kind = WorkflowNames.Of(f.Kind), f.File.Name, f.File.Size, f.UploadedByName, f.UploadedAt, Url = $"/api/projects/files/{f.Id}" }),
            Subsidy = new
            {
                Computed = new { v.Subsidy.Conditions, v.Subsidy.EligibleWan, v.Subsidy.AmountWan, v.Subsidy.CentralWan, v.Subsidy.LocalWan, v.Subsidy.WithheldWan,
                    v.Subsidy.Capped, v.Subsidy.Basis, Capital = v.Subsidy.AmountWan is { } a ? CapitalAmount.Rmb(a * 10000m) : null },
                Approved = p.SubsidyWan is { } s ? new { AmountWan = s, p.CentralWan, p.LocalWan, p.SubsidyBasis, p.ApprovalBatch, p.ApprovedAt, Capital = CapitalAmount.Rmb(s * 10000m) } : null,
                p.PaidWan, p.OutstandingWan,
            },
            Payments = v.Payments.Select(x => new { x.Id, x.PaidOn, x.AmountWan, x.VoucherNo, x.Note, x.RecordedByName, x.RecordedAt }),
            Missing = v.Readiness,
            Actions = v.Rules.Chain.Open(p.Status, actor).Select(t => new { Trigger = t.TriggerName, t.Label }),
            History = v.History.Select(h => new { h.Trigger, Action = v.Rules.Chain.TriggerLabel(h.Trigger), From = v.Rules.Chain.StateLabel(h.FromState, actor),
                To = v.Rules.Chain.StateLabel(h.ToState, actor), h.ActorName, h.At, h.Reason }),
        };
    }
}
