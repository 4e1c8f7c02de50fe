using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Assignments.Import;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Files;

namespace DxPilot.Web.Features.Assignments;

/// <summary>What the API's assign and withdraw take: the enterprise and the organisation; a withdrawal's reason.</summary>
public sealed record AssignmentInput(Guid? EnterpriseId, Guid? OrganisationId, string? Reason);

public static class AssignmentEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/assignments/import/template", () => Results.File(AssignmentTemplate.Write(), AssignmentTemplate.ContentType, AssignmentTemplate.FileName))
            .RequireAuthorization();

        var api = app.MapGroup("/api/assignments").WithTags("服务机构分配")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (HttpContext http, [AsParameters] AssignmentQueryParameters q, AssignmentService service, CancellationToken ct) =>
            ApiResults.From(await service.ListAsync(http.User.RequireActor(), q.ToQuery(), ct), Results.Ok))
            .WithSummary("范围内的企业及为其服务的机构：搜索（名称、信用代码）、筛选（kind 机构类别、organisation、district、unserved=true 未分配服务商）、分页");

        api.MapGet("/organisations", async (HttpContext http, AssignmentService service, CancellationToken ct) =>
            Results.Ok(await service.OrganisationsAsync(http.User.RequireActor(), ct)))
            .WithSummary("本试点的服务机构（服务商、评测机构、审计机构、智库）");

        api.MapPost("/", async (AssignmentInput input, HttpContext http, AssignmentService service, CancellationToken ct) =>
        {
            if (Missing(input) is { } missing) return missing;
            return ApiResults.From(await service.AssignAsync(http.User.RequireActor(), input.EnterpriseId!.Value, input.OrganisationId!.Value, ct),
                c => Results.Created($"/api/assignments/history?enterprise={c.EnterpriseId}", c));
        }).WithSummary("把企业分配给服务机构（工信主管部门；每家企业同时只能有一家服务商、一家评测机构、一家审计机构）");

        api.MapPost("/withdraw", async (AssignmentInput input, HttpContext http, AssignmentService service, CancellationToken ct) =>
        {
            if (Missing(input) is { } missing) return missing;
            return ApiResults.From(await service.WithdrawAsync(http.User.RequireActor(), input.EnterpriseId!.Value, input.OrganisationId!.Value, input.Reason, ct),
                Results.Ok);
        }).WithSummary("撤销分配（工信主管部门，须填写理由 reason）");

        api.MapGet("/history", async (HttpContext http, string? enterprise, string? organisation, string? search, string? page, AssignmentService service,
                CancellationToken ct) =>
            ApiResults.From(await service.HistoryAsync(http.User.RequireActor(), Guid.TryParse(enterprise, out var e) ? e : null,
                Guid.TryParse(organisation, out var o) ? o : null, QueryValue.Int(page) ?? 1, ct, QueryValue.Search(search)), Results.Ok))
            .WithSummary("分配记录（谁、何时、分配或撤销、理由），可按企业 enterprise、机构 organisation 或企业名称/信用代码 search 查看，最新的在前");

        api.MapPost("/import", async (HttpContext http, IFormFile? file, AssignmentImporter importer, CancellationToken ct) =>
        {
            if (file is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请上传 .xlsx 或 .csv 文件（字段名 file）"] });
            if (file.Length > SheetReader.MaxBytes)
                return Results.Problem(title: $"文件超过{SheetReader.MaxBytes / 1024 / 1024}MB的上限", statusCode: StatusCodes.Status413PayloadTooLarge);
            var outcome = await importer.ImportAsync(http.User.RequireActor(), file.FileName, await Read(file, ct), ct);
            // A file that cannot be read at all assigned nothing; the caller fixes the file.
            return outcome.Kind == OutcomeKind.Invalid
                ? Results.Problem(title: outcome.Errors.Values.First(), statusCode: StatusCodes.Status422UnprocessableEntity)
                : ApiResults.From(outcome, Results.Ok);
        }).DisableAntiforgery().WithMetadata(new UploadLimitAttribute(SheetReader.MaxBytes)).WithSummary("按名单分配（.xlsx/.csv：企业名称/统一社会信用代码 → 服务商、评测机构、审计机构）；逐行报告结果，可重复导入");

        api.MapGet("/import/template", () => Results.File(AssignmentTemplate.Write(), AssignmentTemplate.ContentType, AssignmentTemplate.FileName))
            .WithSummary("分配名单导入模板（.xlsx）");
    }

    private static IResult? Missing(AssignmentInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.EnterpriseId is null) errors["enterpriseId"] = ["请指定企业（enterpriseId）"];
        if (input.OrganisationId is null) errors["organisationId"] = ["请指定服务机构（organisationId，见 GET /api/assignments/organisations）"];
        return errors.Count == 0 ? null : Results.ValidationProblem(errors);
    }

    public static async Task<byte[]> Read(IFormFile file, CancellationToken ct)
    {
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, ct);
        return content;
    }
}
