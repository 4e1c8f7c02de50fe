using DxPilot.Domain.Organisations;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Organisations;

/// <summary>/api/organisations/{id}: the organisation's page as JSON, within the same scope.</summary>
public static class OrganisationEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/organisations/{id:guid}", async (Guid id, string? search, string? page, HttpContext http, OrganisationService service,
                CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.GetAsync(actor, id, search, QueryValue.Int(page) ?? 1, ct), v => Results.Ok(new
                {
                    v.Organisation.Id, v.Organisation.Name, Kind = v.Organisation.Kind.ToString(), v.Organisation.Uscc,
                    Contact = v.Contact is { } c ? new { c.Name, Phone = actor.MaySeePersonalData ? c.Phone : Domain.Text.Masking.Phone(c.Phone) } : null,
                    Served = new
                    {
                        v.Served.Total, v.Served.PageNumber, v.Served.PageSize,
                        Items = v.Served.Items.Select(e => new { e.Id, e.Name, e.Uscc, e.District, e.AssignedAt }),
                    },
                    v.Diagnoses, v.Filings,
                    Satisfaction = v.Satisfaction is { } s
                        ? new { s.Count, s.ItemAverages, s.Satisfied, s.FairlySatisfied, s.Dissatisfied } : null,
                    Ratings = v.Ratings is { } r
                        ? new { r.Overall, r.Count, Averages = r.Averages.Select(a => new { a.Criterion.Key, a.Criterion.Name, a.Criterion.Scale, a.Average, a.Count }) }
                        : null,
                    CommentCount = v.Comments?.Total,
                }));
            })
            .WithTags("服务机构")
            .WithSummary("机构主页：名称、类别、统一社会信用代码、联系人、权限范围内服务的企业（search、page）、诊断与备案数、满意度、智库评价")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser());

        var registry = app.MapGroup("/api/organisations").WithTags("服务机构")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);
        registry.MapGet("", async (string? search, string? kind, string? page, HttpContext http, OrganisationRegistry service, CancellationToken ct) =>
                ApiResults.From(await service.ListAsync(http.User.RequireActor(),
                    new OrganisationQuery(QueryValue.Search(search), QueryValue.Enum<OrganisationKind>(kind), QueryValue.Int(page) ?? 1), ct), list => Results.Ok(new
                {
                    list.Total, list.PageNumber, list.PageSize,
                    Items = list.Items.Select(o => new { o.Id, o.Name, o.Uscc, Kind = o.Kind.ToString(), o.Accounts, o.Enterprises }),
                })))
            .WithSummary("机构名录（市级工信主管部门、智库）：search 为名称或统一社会信用代码，kind 为 ServiceProvider、EvaluationAgency、AuditFirm、ThinkTank");
        registry.MapPost("", async (OrganisationForm body, HttpContext http, OrganisationRegistry service, CancellationToken ct) =>
                ApiResults.From(await service.RegisterAsync(http.User.RequireActor(), body, ct),
                    o => Results.Created($"/api/organisations/{o.Id}", new { o.Id, o.Name, o.Uscc, Kind = o.Kind.ToString() })))
            .WithSummary("登记机构（市级工信主管部门）：name、uscc、kind；同一试点内名称和统一社会信用代码不得重复");
        registry.MapPut("/{id:guid}", async (Guid id, OrganisationForm body, HttpContext http, OrganisationRegistry service, CancellationToken ct) =>
                ApiResults.From(await service.CorrectAsync(http.User.RequireActor(), id, body, ct),
                    o => Results.Ok(new { o.Id, o.Name, o.Uscc, Kind = o.Kind.ToString() })))
            .WithSummary("更正机构名称或统一社会信用代码（市级工信主管部门）；机构类别不可更改");
    }
}
