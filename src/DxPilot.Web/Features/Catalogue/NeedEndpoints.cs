using DxPilot.Domain.Catalogue;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>An enterprise's needs through the API, under /api/enterprises/{id}/needs: the scope and refusals of its page.</summary>
public static class NeedEndpoints
{
    /// <summary>priority: high / medium / low (高/中/低 accepted too); budgetWan as typed, in 万元.</summary>
    public sealed record NeedInput(string? Scenario, string? Problem, string? Pain, string? Priority, string? BudgetWan, int? Version)
    {
        public NeedForm ToForm() => new(Scenario, Problem, Pain, ParsePriority(Priority), BudgetWan);
    }

    public static NeedPriority ParsePriority(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "high" or "高" or "1" => NeedPriority.High,
        "medium" or "中" or "2" => NeedPriority.Medium,
        "low" or "低" or "3" => NeedPriority.Low,
        _ => 0,
    };

    public static string PriorityName(NeedPriority p) => p switch { NeedPriority.High => "high", NeedPriority.Medium => "medium", _ => "low" };

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/enterprises/{id:guid}/needs").WithTags("企业需求")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (Guid id, string? search, string? page, HttpContext http, NeedService needs, CancellationToken ct) =>
                ApiResults.From(await needs.ListAsync(http.User.RequireActor(), id, search, QueryValue.Int(page) ?? 1, ct), v => Results.Ok(new
                {
                    v.Needs.Total, v.Needs.PageNumber, v.Needs.PageSize, v.MayWrite,
                    Items = v.Needs.Items.Select(Shown(v)),
                    CommonNeeds = v.CommonNeeds.SelectMany(g => g).Select(c => new { Scenario = c.ScenarioCode, c.Text }),
                })))
            .WithSummary("企业的需求（每页50条，search 搜索问题、痛点或场景编号）及其所属行业的行业共性需求；企业本身、为其服务的服务商、辖区主管部门和第三方智库可读");

        api.MapPost("/", async (Guid id, NeedInput input, HttpContext http, NeedService needs, CancellationToken ct) =>
                ApiResults.From(await needs.AddAsync(http.User.RequireActor(), id, input.ToForm(), ct),
                    n => Results.Created($"/api/enterprises/{id}/needs/{n.Id}", Item(n))))
            .WithSummary("新增需求（企业本身或为其服务的服务商）：scenario 三级场景编号，problem 与 pain 各不超过1000字，priority high/medium/low，budgetWan 可空");

        api.MapPut("/{needId:guid}", async (Guid id, Guid needId, NeedInput input, HttpContext http, NeedService needs, CancellationToken ct) =>
                input.Version is not { } version ? TreeEndpoints.NoVersion()
                : ApiResults.From(await needs.EditAsync(http.User.RequireActor(), id, needId, input.ToForm(), version, ct), n => Results.Ok(Item(n))))
            .WithSummary("修改需求，version 为读取时的版本");

        api.MapDelete("/{needId:guid}", async (Guid id, Guid needId, int? version, HttpContext http, NeedService needs, CancellationToken ct) =>
                version is not { } v ? TreeEndpoints.NoVersion()
                : ApiResults.From(await needs.RemoveAsync(http.User.RequireActor(), id, needId, v, ct), _ => Results.NoContent()))
            .WithSummary("删除需求（?version=读取时的版本）；审计记录保留删除前的内容");
    }

    private static Func<EnterpriseNeed, object> Shown(NeedsView v) => n => new
    {
        n.Id, Scenario = n.ScenarioCode, ScenarioName = v.ScenarioNames.GetValueOrDefault(n.ScenarioCode), n.Problem, n.Pain,
        Priority = PriorityName(n.Priority), n.BudgetWan, Source = n.Source == NeedSource.Provider ? "provider" : "enterprise", n.DiagnosisId,
        Author = n.AuthorName, n.CreatedAt, n.UpdatedAt, n.Version,
    };

    private static object Item(EnterpriseNeed n) => new
    {
        n.Id, Scenario = n.ScenarioCode, n.Problem, n.Pain, Priority = PriorityName(n.Priority), n.BudgetWan,
        Source = n.Source == NeedSource.Provider ? "provider" : "enterprise", n.DiagnosisId, n.Version,
    };
}
