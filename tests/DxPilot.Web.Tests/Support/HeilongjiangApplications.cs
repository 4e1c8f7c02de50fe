using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Web.Features.Benchmarks;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Pictures;

namespace DxPilot.Web.Tests.Support;

/// <summary>A new enterprise's 示范标杆 application, every precondition met, 第1项 answered 是 with its description and a picture, submitted
/// through the service as the enterprise would.</summary>
public static class HeilongjiangApplications
{
    public sealed record Submitted(Guid Id, Guid EnterpriseId, string User);

    public static async Task<Submitted> SubmittedAsync(DxPilotApp app, string district = "哈尔滨市")
    {
        var (user, enterprise) = await HeilongjiangAccounts.EnterpriseAsync(app, district);
        var owner = new Actor($"e-{enterprise:N}"[..20], "申报企业（测试）", Role.Enterprise, HeilongjiangAccounts.Programme, EnterpriseId: enterprise);
        var facts = new BenchmarkFacts
        {
            CreditClean = true, RegisteredOn = new DateOnly(2021, 12, 31), RevenueByYear = new() { [2022] = 1200, [2023] = 1500, [2024] = 1800 },
            MiitLevel = 2, AuditedReportYears = [2022, 2023, 2024], PledgeSigned = true,
        };
        var answers = new BenchmarkAnswers { Items = { [1] = new BenchmarkItemEntry(true, "研发设计全部上云，三维设计覆盖率100%。") } };
        EvidenceUpload File(BenchmarkEvidenceKind kind, int? item, int variant) => new(kind, item, $"{kind}{item}.png", Png(variant).Length, () => new MemoryStream(Png(variant)));
        await using var scope = app.ScopeAs(owner);
        var service = scope.ServiceProvider.GetRequiredService<BenchmarkService>();
        var saved = await service.SaveAsync(owner, 0, new BenchmarkDraft(answers, facts, new string('数', 2000)),
        [
            File(BenchmarkEvidenceKind.CreditChina, null, 1), File(BenchmarkEvidenceKind.CreditGsxt, null, 2), File(BenchmarkEvidenceKind.MiitLevel, null, 3),
            File(BenchmarkEvidenceKind.Pledge, null, 4), File(BenchmarkEvidenceKind.ItemPicture, 1, 5),
        ], []);
        Assert.True(saved.IsOk, saved.Message);
        var submitted = await service.SubmitAsync(owner, saved.Value!.Application.Version);
        Assert.True(submitted.IsOk, submitted.Message);
        return new Submitted(saved.Value.Application.Id, enterprise, user);
    }
}
