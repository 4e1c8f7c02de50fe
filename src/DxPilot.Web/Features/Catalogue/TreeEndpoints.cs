using DxPilot.Domain.Catalogue;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The scenario tree's API, under /api/catalogue/tree: the same reading, rules and refusals as /catalogue/tree.</summary>
public static class TreeEndpoints
{
    public sealed record AddInput(string? ParentCode, string? Name, string? Description, IReadOnlyList<string>? MiitScenarios, string? MappingReason);

    /// <summary>A field left out stays as it is; version is the one read.</summary>
    public sealed record EditInput(string? Name, string? Description, IReadOnlyList<string>? MiitScenarios, string? MappingReason, int? Version);

    public sealed record VersionInput(int? Version);

    public sealed record ReinstateInput(string? Reason, int? Version);

    public sealed record CommonNeedInput(string? Industry, string? Text, int? Version);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/catalogue").WithTags("供需适配库：场景清单")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/tree", async (HttpContext http, TreeService tree, CancellationToken ct) =>
            {
                var v = await tree.TreeAsync(http.User.RequireActor(), ct);
                object Node(CatalogueScenario n) => new
                {
                    n.Code, n.Level, n.Name, n.Description, MiitScenarios = n.MiitScenarioNames, n.MappingReason, Retired = n.IsRetired, n.RetiredAt,
                    n.Version,
                    CommonNeeds = v.CommonNeeds[n.Code].Select(c => new { c.Id, Industry = c.IndustryKey, IndustryName = v.IndustryName(c.IndustryKey), c.Text, c.Version }),
                    ShownProducts = v.Products.GetValueOrDefault(n.Code), Needs = v.Needs.GetValueOrDefault(n.Code),
                    Children = v.ChildrenOf(n.Code).Select(Node),
                };
                return Results.Ok(new { Tree = v.ChildrenOf(null).Select(Node), v.MiitScenarios, Industries = v.Industries.Select(i => new { i.Key, i.Name }) });
            })
            .WithSummary("场景清单：一级→二级→三级，三级场景含场景描述、对应的2024版评测业务场景及理由、各行业共性需求、已上架产品数和企业需求数");

        api.MapPost("/tree", async (AddInput input, HttpContext http, TreeService tree, CancellationToken ct) =>
                ApiResults.From(await tree.AddAsync(http.User.RequireActor(), input.ParentCode,
                    new ScenarioForm(input.Name ?? "", input.Description, input.MiitScenarios, input.MappingReason), ct), Created))
            .WithSummary("新增场景（市工信主管部门）：parentCode 为一级场景（新增二级）或二级场景（新增三级），编号自动取上级编号加下一个未用过的序号");

        api.MapPut("/tree/{code}", async (string code, EditInput input, HttpContext http, TreeService tree, CancellationToken ct) =>
                input.Version is not { } version ? NoVersion()
                : ApiResults.From(await tree.EditAsync(http.User.RequireActor(), code,
                    new ScenarioForm(input.Name, input.Description, input.MiitScenarios, input.MappingReason), version, ct), Ok))
            .WithSummary("修改场景（市工信主管部门）：name 改名（二、三级），description、miitScenarios 与 mappingReason 仅三级；省略的字段不变；version 为读取时的版本");

        api.MapPost("/tree/{code}/retire", async (string code, VersionInput input, HttpContext http, TreeService tree, CancellationToken ct) =>
                input.Version is not { } version ? NoVersion() : ApiResults.From(await tree.RetireAsync(http.User.RequireActor(), code, version, ct), Ok))
            .WithSummary("停用场景（市工信主管部门）：仍有在用下级场景、产品、企业需求或行业共性需求引用时拒绝并说明数量");

        api.MapPost("/tree/{code}/reinstate", async (string code, ReinstateInput input, HttpContext http, TreeService tree, CancellationToken ct) =>
                input.Version is not { } version ? NoVersion()
                : ApiResults.From(await tree.ReinstateAsync(http.User.RequireActor(), code, input.Reason, version, ct), Ok))
            .WithSummary("恢复使用已停用的场景（市工信主管部门）：reason 为恢复理由（必填，不超过500字），version 为读取时的版本；上级场景已停用时拒绝");

        api.MapPost("/tree/{code}/common-needs", async (string code, CommonNeedInput input, HttpContext http, TreeService tree, CancellationToken ct) =>
                ApiResults.From(await tree.AddCommonNeedAsync(http.User.RequireActor(), code, input.Industry, input.Text, ct), CommonNeedResult))
            .WithSummary("新增行业共性需求（市工信主管部门）：industry 为本试点细分行业的 key，text 不超过1000字");

        api.MapPut("/common-needs/{id:guid}", async (Guid id, CommonNeedInput input, HttpContext http, TreeService tree, CancellationToken ct) =>
                input.Version is not { } version ? NoVersion()
                : ApiResults.From(await tree.EditCommonNeedAsync(http.User.RequireActor(), id, input.Text, version, ct), CommonNeedResult))
            .WithSummary("修改行业共性需求的文字，version 为读取时的版本");

        api.MapDelete("/common-needs/{id:guid}", async (Guid id, int? version, HttpContext http, TreeService tree, CancellationToken ct) =>
                version is not { } v ? NoVersion()
                : ApiResults.From(await tree.RemoveCommonNeedAsync(http.User.RequireActor(), id, v, ct), _ => Results.NoContent()))
            .WithSummary("删除行业共性需求（?version=读取时的版本）；审计记录保留原文");
    }

    private static IResult Ok(CatalogueScenario n) =>
        Results.Ok(new { n.Code, n.Level, n.Name, n.Description, MiitScenarios = n.MiitScenarioNames, n.MappingReason, Retired = n.IsRetired, n.Version });

    private static IResult Created(CatalogueScenario n) =>
        Results.Created($"/api/catalogue/tree/{n.Code}", new { n.Code, n.Level, n.ParentCode, n.Name, n.Description, MiitScenarios = n.MiitScenarioNames, n.MappingReason, n.Version });

    private static IResult CommonNeedResult(CommonNeed c) => Results.Ok(new { c.Id, Scenario = c.ScenarioCode, Industry = c.IndustryKey, c.Text, c.Version });

    internal static IResult NoVersion() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["请提供读取时的版本号"] }, title: "提交的内容有误");
}
