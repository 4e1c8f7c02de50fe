using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>附件1 export (/catalogue/export.xlsx, /api/catalogue/export.xlsx) and import through the API (/api/catalogue/import;
/// the page /catalogue/import posts to itself).</summary>
public static class Annex1Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/catalogue/export.xlsx", Annex1Export.DownloadAsync).RequireAuthorization();

        var api = app.MapGroup("/api/catalogue").WithTags("供需适配库：附件1")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/export.xlsx", Annex1Export.DownloadAsync)
            .WithSummary("导出附件1（.xlsx）：在用的三级场景、场景描述、行业共性需求（industry=只导出一个细分行业）和已上架的产品");

        api.MapPost("/import", async (HttpContext http, Annex1Import import, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                if (form.Files.GetFile("file") is not { } file)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请上传附件1表格（.xlsx）"] }, title: "提交的内容有误");
                if (file.Length > SheetReader.MaxBytes)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"文件超过{SheetReader.MaxBytes / 1024 / 1024}MB"] }, title: "提交的内容有误");
                var defaults = new Annex1Defaults(form["spendCategory"], IsYes(form["taxIncluded"]), form["deliveryDays"], IsYes(form["cloudBased"]), form["industry"]);
                return ApiResults.From(await import.ImportAsync(http.User.RequireActor(), file.FileName, await ReadAsync(file, ct), defaults, ct), r => Results.Ok(r));
            })
            .DisableAntiforgery()
            .WithSummary("导入附件1（multipart：file）。市工信主管部门导入新增的二、三级场景和行业共性需求（industry：未标【行业】的需求所属行业）；入池服务商导入本单位产品，"
                         + "spendCategory、deliveryDays 必填，taxIncluded、cloudBased 为 true/false，每个产品作为草稿提交审核；逐行报告未导入的原因");
    }

    public static bool IsYes(string? value) => value is "true" or "on" or "1" or "是";

    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
