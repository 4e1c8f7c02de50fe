using DxPilot.Infrastructure.Assessments;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Assessments.Scoring;

/// <summary><c>POST /api/score/{instrument}</c>: the `score` verb over HTTP for any signed-in user. Nothing is stored.</summary>
public static class ScoreEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/score/{instrument}", Score)
            .WithTags("数字化水平评测")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PlatformHost.ApiScheme).RequireAuthenticatedUser())
            .AddEndpointFilter(ApiResults.RequireAntiforgeryForCookies)
            .Accepts<ScoreDocument>("application/json")
            .Produces<ScoreReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("按评测工具为一份答卷计算得分与等级（不保存）")
            .WithDescription("答卷与命令行 score 相同：answers 按题目名给选项字母（单个字母可写成字符串），scenarios 按场景名给 0-4 级，" +
                             "可选 rawInputs。答卷有误返回 400，errors 按位置（如 answers.网络建设）逐条说明。");
    }

    private static async Task<IResult> Score(string instrument, HttpRequest request, InstrumentCatalog catalog, CancellationToken ct)
    {
        var (scorer, refusal) = SheetScoring.ScorerFor(catalog, instrument);
        if (scorer is null) return Results.Problem(title: refusal, statusCode: StatusCodes.Status404NotFound);
        if (await ReadBodyAsync(request, ct) is not { } body)
            return Results.Problem(title: $"答卷超过{ScoreDocument.MaxBytes / 1024} KB的上限（一份答卷约 1 KB）", statusCode: StatusCodes.Status413PayloadTooLarge);

        var outcome = SheetScoring.Score(scorer, body);
        return outcome.Report is { } report
            ? Results.Json(report, ScoreJson.Lines)
            : Results.ValidationProblem(
                outcome.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "答卷有误，未评分");
    }

    /// <summary>The raw body, so that the document reader can name a wrong encoding or type in Chinese; null when it is
    /// over the limit, which is checked while reading since Content-Length may be absent.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ScoreDocument.MaxBytes) return null;
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > ScoreDocument.MaxBytes) return null;
            body.Write(chunk, 0, read);
        }
        return body.ToArray();
    }
}
