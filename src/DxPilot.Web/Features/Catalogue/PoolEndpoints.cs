using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The pool's API, under /api/catalogue/pool: the same use cases, scopes and refusals as the pages.</summary>
public static class PoolEndpoints
{
    /// <summary>入池申请表 and, for a change to an application already made, the version read.</summary>
    public sealed record ApplicationInput(string? OrganisationName, string? Uscc, string? Address, string? LegalRepresentative, string? Qualifications,
        string? Cases, string? ContactName, string? ContactPhone, string? ContactEmail, int? Version)
    {
        public PoolApplicationForm Form => new(OrganisationName, Uscc, Address, LegalRepresentative, Qualifications, Cases, ContactName, ContactPhone, ContactEmail);
    }

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/catalogue/pool").WithTags("服务商资源池")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/", async (HttpContext http, PoolService service, string? status, string? search, string? page, CancellationToken ct) =>
                ApiResults.From(await service.ListAsync(http.User.RequireActor(), PoolFilter.From(status, search), QueryValue.Int(page) ?? 1, ct),
                    p => Results.Ok(new
                    {
                        p.Total, p.PageNumber, p.PageSize,
                        Items = p.Items.Select(r => new
                        {
                            r.Id, r.OrganisationId, r.OrganisationName, r.Uscc, State = WorkflowNames.Of(r.Status),
                            StateLabel = PoolWorkflow.Chain.Label(r.Status), r.ContactName, r.AppliedAt, r.DecidedAt, r.ShownProducts,
                        }),
                    })))
            .WithSummary("服务商资源池（工信主管部门和第三方智库）：status（applied / admitted / suspended / removed / refused）、search（单位名称或统一社会信用代码）、page");

        api.MapPost("/", async (ApplicationInput input, HttpContext http, PoolService service, CancellationToken ct) =>
                ApiResults.From(await service.ApplyAsync(http.User.RequireActor(), input.Form, input.Version, ct), Member))
            .WithSummary("服务商申请入池，或修改本单位的入池申请（version 为读取时的版本）；未通过或已移出后再次提交即重新申请");

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, PoolService service, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.GetAsync(actor, id, ct), v => Results.Ok(new
                {
                    Member = MemberBody(v.Member, actor),
                    Transitions = v.Open(actor).Select(t => new { Trigger = t.TriggerName, t.Label }),
                    History = v.History.Select(h => new { h.Trigger, h.FromState, h.ToState, h.ActorName, h.At, h.Reason }),
                }));
            })
            .WithSummary("一家服务商的入池申请、状态、理由和办理记录");

        api.MapPost("/{id:guid}/transitions", async (Guid id, TransitionInput input, HttpContext http, PoolService service, CancellationToken ct) =>
            {
                if (WorkflowNames.Parse<PoolTrigger>(input.Trigger) is not { } trigger)
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["trigger"] = [$"不认识的操作“{input.Trigger}”，可选：{string.Join("、", Enum.GetValues<PoolTrigger>().Select(WorkflowNames.Of))}"],
                    }, title: "提交的内容有误");
                return ApiResults.From(await service.TransitionAsync(http.User.RequireActor(), id, trigger, input.Reason, input.Version, ct), Member);
            })
            .WithSummary("资源池的状态变更：trigger 为 admit / refuse / suspend / reinstate / remove（市级）或 reapply（服务商），reason 为理由，version 为读取时的版本");
    }

    private static IResult Member(PoolMember m) => Results.Ok(MemberBody(m, null));

    /// <param name="viewer">Who reads it: the phone is personal data, masked for roles that do not need it (the think tank), as the
    /// page shows it; null for the applicant's own answer.</param>
    private static object MemberBody(PoolMember m, Actor? viewer) => new
    {
        m.Id, m.OrganisationId, State = WorkflowNames.Of(m.Status), StateLabel = PoolWorkflow.Chain.Label(m.Status), m.OrganisationName, m.Uscc,
        m.Address, m.LegalRepresentative, m.Qualifications, m.Cases, m.ContactName, ContactPhone = viewer is null ? m.ContactPhone : viewer.ShownPhone(m.ContactPhone), m.ContactEmail, m.AppliedAt, m.DecidedAt,
        m.DecisionReason, m.Version,
    };
}
