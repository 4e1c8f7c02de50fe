using System.Globalization;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>The province's review scores and the published list of recognised benchmarks, with the same refusals as their pages.</summary>
public static class BenchmarkReviewEndpoints
{
    public sealed record ScoresInput(Dictionary<string, decimal?>? Scores, int? Version);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("示范标杆申报")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies);

        api.MapGet("/benchmark/{id:guid}/review", async (Guid id, HttpContext http, BenchmarkService service, CancellationToken ct) =>
                ApiResults.From(await service.ReviewOfAsync(http.User.RequireActor(), id, ct), Shown))
            .WithSummary("审核评分：逐项的企业自评得分、审核得分和满分，审核合计；主管部门可见，企业在认定结果公布后可见");

        api.MapPut("/benchmark/{id:guid}/review", async (Guid id, ScoresInput input, HttpContext http, BenchmarkService service, CancellationToken ct) =>
            {
                if (input.Version is not { } version)
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["请提供读取时审核评分的版本号（尚未评分时为0）"] }, title: "提交的内容有误");
                var scores = new Dictionary<int, decimal>();
                foreach (var (key, value) in input.Scores ?? [])
                {
                    if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var no))
                        return Results.ValidationProblem(new Dictionary<string, string[]> { [key] = [$"“{key}”不是自评项的序号"] }, title: "提交的内容有误");
                    if (value is { } v) scores[no] = v;
                }
                var actor = http.User.RequireActor();
                return ApiResults.From(await service.ScoreAsync(actor, id, scores, version, ct), r => Results.Ok(new { r.Total, r.Version, Scores = r.Scores.Items }));
            })
            .WithSummary("保存审核评分（认定示范标杆的主管部门，审核中）：scores 为按自评项序号的得分（0至该项满分，最多一位小数；留空为未评分），version；认定前须每项评分");

        api.MapGet("/benchmarks/recognised", async (HttpContext http, BenchmarkService service, ShownTime time, CancellationToken ct) =>
                ApiResults.From(await service.RecognisedAsync(http.User.RequireActor(), ct), rows => Results.Ok(rows.Select(r => new
                {
                    r.EnterpriseName, r.District, r.Industry, r.ReviewerTotal, RecognisedOn = r.RecognisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    RecognisedOnLabel = ChineseText.Date(r.RecognisedOn),
                }))))
            .WithSummary("已认定的示范标杆企业名单（本试点所有账号可见）：企业名称、所属市（地区）、行业、审核得分、认定日期");
    }

    private static IResult Shown(BenchmarkReviewView v) => Results.Ok(new
    {
        Items = v.Application.Instrument.Questions.Select(q => new
        {
            No = q.No!.Value, q.Name, MaxPoints = q.Points, SelfPoints = v.Application.Score.Items[q.Index].Points, ReviewerPoints = v.ScoreOf(q.No!.Value),
        }),
        SelfTotal = v.Application.Score.Total, ReviewerTotal = v.Review?.Total, v.Review?.ReviewerName, Version = v.Review?.Version ?? 0,
    });
}
