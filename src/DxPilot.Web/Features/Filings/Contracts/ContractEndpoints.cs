using DxPilot.Domain.Auditing;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Filings.Contracts;

/// <summary>
/// The contracts of a filing under /api/filings/{id}/contracts (the same scopes and refusals as the pages), their .docx and
/// stamped scans, and /api/amounts/capital, which writes an amount in Chinese capitals as one types it.
/// </summary>
public static class ContractEndpoints
{
    public sealed record SaveInput(ContractInput? Contract, int? Version);

    public static void Map(WebApplication app)
    {
        app.MapGet("/filings/{id:guid}/contracts/{cid:guid}.docx", DocxAsync).RequireAuthorization();
        app.MapGet("/filings/contracts/scans/{sid:guid}", ScanAsync).RequireAuthorization();

        var amounts = app.MapGroup("/api/amounts").WithTags("金额")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser());
        amounts.MapGet("/capital", (string? yuan) =>
            {
                var (value, problem) = CapitalAmount.Parse(yuan);
                return value is { } v
                    ? Results.Ok(new CapitalAnswer(v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), CapitalAmount.Rmb(v)))
                    : Results.Problem(title: problem, detail: "金额以元为单位，大于0、小于1000亿元、最多两位小数，如 123000.00", statusCode: StatusCodes.Status400BadRequest);
            })
            .Produces<CapitalAnswer>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("金额的中文大写（人民币…元整），如 yuan=123000.00 → 人民币壹拾贰万叁仟元整");

        var api = app.MapGroup("/api/filings/{id:guid}/contracts").WithTags("服务合同")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (Guid id, HttpContext http, ContractService service, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                var filing = await service.BlankAsync(actor, id, ct);
                return filing.IsOk ? Results.Ok(await service.ListAsync(actor, id, ct)) : ApiResults.From(filing, _ => Results.Ok());
            })
            .WithSummary("一项备案的服务合同（每个服务商一份）：合同总价、是否已上传盖章扫描件");

        api.MapGet("/{cid:guid}", async (Guid id, Guid cid, HttpContext http, ContractService service, CancellationToken ct) =>
                ApiResults.From(await service.GetAsync(http.User.RequireActor(), id, cid, ct), v => Results.Ok(Dto(v))))
            .WithSummary("一份服务合同：双方信息、清单、总价及大写、两期付款、盖章扫描件");

        api.MapPost("/", async (Guid id, SaveInput input, HttpContext http, ContractService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(http.User.RequireActor(), id, input.Contract ?? new ContractInput(), ct),
                    c => Results.Created($"/api/filings/{id}/contracts/{c.Id}", new { c.Id, c.Version, c.TotalYuan })))
            .WithSummary("新建服务合同（试点企业或其服务商，备案可修改时）；contract 的 statedTotalYuan 填写时须等于各项总价之和");

        api.MapPut("/{cid:guid}", async (Guid id, Guid cid, SaveInput input, HttpContext http, ContractService service, CancellationToken ct) =>
            {
                if (input.Version is not { } version) return MissingVersion();
                return ApiResults.From(await service.UpdateAsync(http.User.RequireActor(), id, cid, version, input.Contract ?? new ContractInput(), ct),
                    c => Results.Ok(new { c.Id, c.Version, c.TotalYuan }));
            })
            .WithSummary("修改服务合同：contract 为全部内容，version 为读取时合同的版本");

        api.MapDelete("/{cid:guid}", async (Guid id, Guid cid, int? version, HttpContext http, ContractService service, CancellationToken ct) =>
            {
                if (version is not { } v) return MissingVersion();
                return ApiResults.From(await service.DeleteAsync(http.User.RequireActor(), id, cid, v, ct), _ => Results.NoContent());
            })
            .WithSummary("删除服务合同（?version=读取时合同的版本）；审计记录保留其内容");

        api.MapPost("/{cid:guid}/scans", async (Guid id, Guid cid, [FromForm] int? version, IFormFile? scan, HttpContext http, ContractService service,
                CancellationToken ct) =>
            {
                if (version is not { } v) return MissingVersion();
                return ApiResults.From(await service.UploadScanAsync(http.User.RequireActor(), id, cid, v, scan is null ? null : UploadedFile.From(scan), ct),
                    c => Results.Ok(new { c.Id, c.Version }));
            })
            // A form post carries no antiforgery field; a cookie caller is still checked by the group's filter.
            .DisableAntiforgery()
            .WithMetadata(new UploadLimitAttribute(StampedScan.MaxBytes))
            .WithSummary("上传双方盖章的合同扫描件（multipart：scan 为 PDF、JPEG 或 PNG，不超过20MB；version 为合同版本）");

        api.MapGet("/{cid:guid}.docx", DocxAsync).WithSummary("服务合同 .docx（附件2 模板的版式和条款）");

        api.MapGet("/{cid:guid}/scans/{sid:guid}", (Guid sid, HttpContext http, ContractService service, FileDownload download, CancellationToken ct) =>
                ScanAsync(sid, http, service, download, ct))
            .WithSummary("下载盖章合同扫描件（记入审计）");
    }

    public sealed record CapitalAnswer(string Yuan, string Capital);

    private static object Dto(ContractView v)
    {
        var c = v.Contract!;
        return new
        {
            c.Id, c.FilingId, c.Version, c.Number, c.Name, c.SignedOn, c.PeriodStart, c.PeriodEnd,
            PartyA = new { v.Enterprise.Name, v.Enterprise.Uscc, Address = v.Enterprise.RegisteredAddress, v.Enterprise.ContactName, ContactPhone = v.EnterprisePhone,
                BankAccount = c.EnterpriseBankAccount, Bank = c.EnterpriseBank },
            PartyB = new { Name = c.ProviderName, Uscc = c.ProviderUscc, LegalRepresentative = c.ProviderLegalRepresentative, Address = c.ProviderAddress,
                Contact = c.ProviderContact, Phone = v.ProviderPhone, BankAccount = c.ProviderBankAccount, Bank = c.ProviderBank, OrganisationId = c.ProviderOrganisationId },
            c.Work, c.Lines, c.TotalYuan, TotalCapital = CapitalAmount.Rmb(c.TotalYuan),
            c.FirstPaymentPercent, c.FirstPaymentYuan, SecondPaymentPercent = 100 - c.FirstPaymentPercent, c.SecondPaymentYuan,
            v.Signed, Scans = v.Scans.Select(s => new { s.Id, s.File.Name, s.File.Size, s.UploadedByName, s.UploadedAt, Url = $"/api/filings/{c.FilingId}/contracts/{c.Id}/scans/{s.Id}" }),
            v.MayEdit,
        };
    }

    private static IResult MissingVersion() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["请提供读取时合同的版本号"] }, title: "提交的内容有误");

    private static async Task<IResult> DocxAsync(Guid id, Guid cid, HttpContext http, ContractService service, CancellationToken ct)
    {
        var outcome = await service.GetAsync(http.User.RequireActor(), id, cid, ct);
        if (!outcome.IsOk) return Results.Problem(title: "找不到该合同，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
        var view = outcome.Value!;
        return await WordFile.DownloadAsync(http, view.Filing.ProgrammeId, AuditKey.Of<ServiceContract>(cid), ContractDocument.FileName(view.Contract!),
            s => ContractDocument.Write(s, view));
    }

    private static async Task<IResult> ScanAsync(Guid sid, HttpContext http, ContractService service, FileDownload download, CancellationToken ct) =>
        await service.OpenScanAsync(http.User.RequireActor(), sid, ct) is { } found
            ? await download.ServeAsync(found.File, found.ProgrammeId, AuditKey.Of<ServiceContract>(found.ContractId), ct)
            : Results.Problem(title: "找不到该文件，或不在您的权限范围内", statusCode: StatusCodes.Status404NotFound);
}
