using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Web.Features.Benchmarks;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Pictures;

namespace DxPilot.Web.Tests.Support;

/// <summary>A new enterprise's 示范标杆 application, every precondition met, every item answered 是 with its description and a picture
/// (100分 by seed 000) unless told otherwise, submitted through the service as the enterprise would.</summary>
public static class HeilongjiangApplications
{
    public sealed record Submitted(Guid Id, Guid EnterpriseId, string User);

    /// <param name="answered">Items answered otherwise (null: not answered).</param>
    /// <param name="withoutPicture">Items whose picture is not uploaded.</param>
    public static async Task<Submitted> SubmittedAsync(DxPilotApp app, string district = "哈尔滨市",
        IReadOnlyDictionary<int, BenchmarkItemEntry?>? answered = null, IReadOnlyCollection<int>? withoutPicture = null)
    {
        var (user, enterprise) = await HeilongjiangAccounts.EnterpriseAsync(app, district);
        var owner = new Actor($"e-{enterprise:N}"[..20], "申报企业（测试）", Role.Enterprise, HeilongjiangAccounts.Programme, EnterpriseId: enterprise);
        var facts = new BenchmarkFacts
        {
            CreditClean = true, RegisteredOn = new DateOnly(2021, 12, 31), RevenueByYear = new() { [2022] = 1200, [2023] = 1500, [2024] = 1800 },
            MiitLevel = 2, AuditedReportYears = [2022, 2023, 2024], PledgeSigned = true,
        };
        var answers = new BenchmarkAnswers();
        foreach (var no in Enumerable.Range(1, 30))
        {
            var entry = answered is not null && answered.TryGetValue(no, out var other) ? other : new BenchmarkItemEntry(true, $"第{no}项的具体做法：研发设计全部上云，三维设计覆盖率100%。");
            if (entry is not null) answers.Items[no] = entry;
        }
        var pictures = Enumerable.Range(1, 30).Where(no => withoutPicture?.Contains(no) != true).Select(no => File(BenchmarkEvidenceKind.ItemPicture, no, 5));
        EvidenceUpload File(BenchmarkEvidenceKind kind, int? item, int variant) => new(kind, item, $"{kind}{item}.png", Png(variant).Length, () => new MemoryStream(Png(variant)));
        EvidenceUpload Report(int year) => new(BenchmarkEvidenceKind.AuditReport, null, $"{year}年度审计报告.png", Png(year).Length, () => new MemoryStream(Png(year)), year);
        await using var scope = app.ScopeAs(owner);
        var service = scope.ServiceProvider.GetRequiredService<BenchmarkService>();
        var saved = await service.SaveAsync(owner, 0, new BenchmarkDraft(answers, facts, new string('数', 2000)),
        [
            File(BenchmarkEvidenceKind.CreditChina, null, 1), File(BenchmarkEvidenceKind.CreditGsxt, null, 2), File(BenchmarkEvidenceKind.MiitLevel, null, 3),
            File(BenchmarkEvidenceKind.Pledge, null, 4), File(BenchmarkEvidenceKind.BusinessLicence, null, 6),
            Report(2022), Report(2023), Report(2024), ..pictures,
        ], []);
        Assert.True(saved.IsOk, saved.Message);
        var submitted = await service.SubmitAsync(owner, saved.Value!.Application.Version);
        Assert.True(submitted.IsOk, submitted.Message);
        return new Submitted(saved.Value.Application.Id, enterprise, user);
    }
}
