using DxPilot.Domain.Catalogue;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Mvc;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>保存此方案 through the API: the assessment, target level, pins (products chosen) and an optional title.</summary>
public sealed record SavePlanRequest(Guid? AssessmentId, int? Target, Guid[]? Pins, string? Title);

/// <summary>分享给服务商 through the API.</summary>
public sealed record SharePlanRequest(Guid? ProviderId);

/// <summary>修改方案名称 through the API, on the version read.</summary>
public sealed record RenamePlanRequest(string? Title, int? Version);

/// <summary>Saved plans' API: the same service, scopes and refusals as the pages /enterprises/{id}/plans, /plans and /plans/{id}.</summary>
public static class SavedPlanEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("供需适配库")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapPost("/enterprises/{id:guid}/plans", async (Guid id, SavePlanRequest body, HttpContext http, SavedPlanService plans, CancellationToken ct) =>
            {
                if (body.AssessmentId is not { } assessment)
                    return ApiResults.From(Outcome<SavedPlan>.Invalid(new Dictionary<string, string> { ["assessmentId"] = "请指明方案依据的评测" }), _ => Results.Ok());
                var saved = await plans.SaveAsync(http.User.RequireActor(), id, assessment, body.Target, body.Pins ?? [], body.Title, ct);
                return ApiResults.From(saved, p => Results.Created($"/api/plans/{p.Id}", new { p.Id, p.Title, p.Version, Page = $"/plans/{p.Id}" }));
            })
            .WithSummary("保存此方案：按 assessmentId、target（目标等级）和 pins（保留的产品）重新计算后保存当时的方案；title 不填时为“提升至三级的采购方案（日期）”。企业本身或为其服务的服务商可保存");

        api.MapGet("/enterprises/{id:guid}/plans", async (Guid id, [FromQuery] string? page, [FromQuery] string? search, HttpContext http,
                SavedPlanService plans, CancellationToken ct) =>
            ApiResults.From(await plans.ForEnterpriseAsync(http.User.RequireActor(), id, QueryValue.Int(page) ?? 1, search, ct), p => Rows(p.Plans)))
            .WithSummary("企业已保存的采购方案（每页50个，按保存时间由近及远）：search 按方案名称查找；服务商只看到分享给它或由它保存的方案");

        api.MapGet("/plans", async ([FromQuery] string? shared, [FromQuery] string? page, [FromQuery] string? search, HttpContext http,
                SavedPlanService plans, CancellationToken ct) =>
            {
                var actor = http.User.RequireActor();
                var mine = shared == "mine" && actor.Role == Domain.Accounts.Role.ServiceProvider;
                return Rows(await plans.ListAsync(actor, mine, QueryValue.Int(page) ?? 1, search, ct));
            })
            .WithSummary("权限范围内的已保存方案；shared=mine：企业分享给本服务商的方案。search 按企业名称查找，每页50个");

        api.MapGet("/plans/{id:guid}", async (Guid id, HttpContext http, SavedPlanService plans, CancellationToken ct) =>
            ApiResults.From(await plans.GetAsync(http.User.RequireActor(), id, ct), Shape))
            .WithSummary("已保存的方案：保存时的内容（金额单位万元），每个产品保存后的变化（下架、调价），分享记录");

        api.MapPut("/plans/{id:guid}/title", async (Guid id, RenamePlanRequest body, HttpContext http, SavedPlanService plans, CancellationToken ct) =>
            ApiResults.From(await plans.RenameAsync(http.User.RequireActor(), id, body.Title, body.Version ?? 0, ct), p => Results.Ok(new { p.Id, p.Title, p.Version })))
            .WithSummary("修改方案名称（仅企业本身）；version 为读取时的版本，他人已修改时拒绝（409）");

        api.MapPost("/plans/{id:guid}/shares", async (Guid id, SharePlanRequest body, HttpContext http, SavedPlanService plans, CancellationToken ct) =>
            ApiResults.From(await plans.ShareAsync(http.User.RequireActor(), id, body.ProviderId ?? Guid.Empty, ct),
                s => Results.Ok(new { s.ProviderId, Provider = s.ProviderName, s.SharedAt })))
            .WithSummary("分享给服务商（仅企业本身）：providerId 须为方案中产品的服务商或为本企业服务的服务商");

        api.MapDelete("/plans/{id:guid}/shares/{providerId:guid}", async (Guid id, Guid providerId, HttpContext http, SavedPlanService plans, CancellationToken ct) =>
            ApiResults.From(await plans.WithdrawAsync(http.User.RequireActor(), id, providerId, ct), _ => Results.NoContent()))
            .WithSummary("撤回分享（仅企业本身）：服务商不再能查看该方案，分享记录保留");

        api.MapPost("/plans/{id:guid}/filing", async (Guid id, HttpContext http, SavedPlanService plans, CancellationToken ct) =>
            ApiResults.From(await plans.FileAsync(http.User.RequireActor(), id, ct), f => Results.Ok(new { f.Id, f.Version, Edit = $"/filings/{f.Id}/edit" })))
            .WithSummary("据此发起备案：按保存的方案新建备案草稿并预填；方案中有产品已下架、或已有在办备案时拒绝（409）");
    }

    private static IResult Rows(Page<SavedPlanRow> page) => Results.Ok(new
    {
        page.Total, Page = page.PageNumber, page.PageSize, page.PageCount,
        Items = page.Items.Select(r => new
        {
            r.Id, r.Title, r.EnterpriseId, Enterprise = r.EnterpriseName, r.TargetLevel, r.TotalLowWan, r.TotalHighWan, r.OwnShareLowWan, r.OwnShareHighWan,
            r.Complete, SavedBy = r.CreatedByName, SavedAt = r.CreatedAt, r.SharedWith,
        }),
    });

    private static IResult Shape(SavedPlanView v)
    {
        var p = v.Plan;
        return Results.Ok(new
        {
            p.Id, p.Title, p.Version, p.EnterpriseId, Enterprise = v.EnterpriseName, p.AssessmentId, p.AssessedOn, p.CurrentLevel, p.TargetLevel,
            Pins = p.PinnedProducts, p.Complete, p.SomePricesExcludeTax,
            AtLowPrice = new { TotalWan = p.TotalLowWan, EligibleWan = p.EligibleLowWan, SubsidyWan = p.SubsidyLowWan, OwnShareWan = p.OwnShareLowWan, Basis = p.BasisLow },
            AtHighPrice = new
            {
                TotalWan = p.TotalHighWan, EligibleWan = p.EligibleHighWan, SubsidyWan = p.SubsidyHighWan, OwnShareWan = p.OwnShareHighWan, Basis = p.BasisHigh,
                WithheldWan = p.WithheldHighWan,
            },
            p.Scenarios,
            Products = p.Lines.Select(l =>
            {
                var change = v.Changes.GetValueOrDefault(l.ProductId);
                return new
                {
                    l.ProductId, l.Name, l.ProviderId, Provider = l.ProviderName, Uscc = l.ProviderUscc, l.PriceLowWan, l.PriceHighWan, l.TaxIncluded,
                    Price = l.PriceText, l.SpendCategory, l.Eligible, l.Serves,
                    Now = change is null ? "unchanged" : change.TakenDown ? "takenDown" : "repriced", PriceNow = change?.PriceNow,
                };
            }),
            SavedBy = p.CreatedByName, SavedAt = p.CreatedAt,
            Shares = v.Shares.Select(s => new { s.ProviderId, Provider = s.ProviderName, SharedBy = s.SharedByName, s.SharedAt, s.OpenedAt, s.WithdrawnAt }),
            Recompute = v.RecomputeUrl,
        });
    }
}
