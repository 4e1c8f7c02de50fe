using System.Net.Http.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 附件5 written as it is read (issue 10, Measure: peak memory): the workbook goes into a stream that can neither seek nor be
/// read back, so nothing of the sheet is held to be packaged at the end.
/// </summary>
public sealed class Annex5StreamTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_sheet_is_written_into_a_stream_that_cannot_seek_or_be_read_back()
    {
        var form = app.Services.GetRequiredService<ProgrammeCatalog>().Get(HangzhouFiling.Programme).Filing!.Form;
        var values = HangzhouFiling.CompleteAnswers("流式写出项目").ToDictionary(kv => kv.Key, kv => kv.Value!);
        var entries = Enumerable.Range(1, 3).Select(_ => new Annex5Sheet.Entry("滨江区", new Dictionary<string, string> { ["name"] = "杭州流式测试有限公司" },
            values, [])).ToAsyncEnumerable();
        var written = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(written))
            await Annex5Sheet.WriteAsync(forwardOnly, form, "杭州市经信局", new DateOnly(2025, 7, 16), entries, CancellationToken.None);

        var xlsx = written.ToArray();
        var cells = Annex5Sheets.Cells(xlsx);
        Assert.Equal("杭州市中小企业数字化改造试点项目备案汇总表", cells["A1"].Text);
        Assert.Equal(["流式写出项目", "流式写出项目", "流式写出项目"], new[] { cells["Q5"].Text, cells["Q6"].Text, cells["Q7"].Text });
        Assert.Equal(3m, Annex5Sheets.Number(cells["A7"]));
        Assert.Contains("A1:AB1", Annex5Sheets.Merges(xlsx));
        Assert.Empty(Annex5Sheets.ValidationErrors(xlsx));
    }

    /// <summary>What an HTTP response body offers: writing, forwards only.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}

/// <summary>
/// The export reads of each filing only what the sheet prints; what it prints is what the filing's whole latest version gives
/// when written to the sheet (on both databases: the version's JSON is read as stored text).
/// </summary>
public abstract class Annex5ReadingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static object Contract(string providerName, string providerUscc, string name, string work, decimal unitPrice) => new
    {
        number = $"HZ-{Guid.NewGuid():N}"[..16], name, signedOn = "2025-03-01", periodStart = "2025-01-01", periodEnd = "2025-12-01",
        providerName, providerUscc, providerLegalRepresentative = "周总", providerAddress = "杭州市滨江区网商路1号",
        providerContact = "吴工", providerPhone = "0571-88886666", providerBankAccount = "1202020209000012345", providerBank = "工商银行杭州高新支行",
        enterpriseBankAccount = "3301040160001234567", enterpriseBank = "杭州银行滨江支行", firstPaymentPercent = 30, work,
        lines = new object[] { new { name = "MES制造执行系统", code = "HZ-MES-01", provider = providerName, term = "1年", unitPriceYuan = unitPrice, quantity = 1m } },
    };

    [Fact]
    public async Task The_export_prints_each_filing_as_its_whole_latest_version_does()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.StartAsync(app);
        // Choices with their 其他 texts: a printed answer kept under two keys.
        var answers = HangzhouFiling.CompleteAnswers("第一轮项目名称");
        answers["scenarios"] = "生产制造\n其他";
        answers["scenarios.other"] = "能耗在线监测";
        answers["cloudPlan"] = "其他";
        answers["cloudPlan.other"] = "私有云迁移";
        (await h.SaveAsync(app, id, answers)).EnsureSuccessStatusCode();
        var enterprise = await app.As(h.Users["enterprise"]);
        foreach (var contract in new[]
                 {
                     Contract(h.Provider.Name, h.Provider.Uscc!, "数字化车间改造服务合同", "MES实施", 300_000m),
                     Contract(h.OtherProvider.Name, h.OtherProvider.Uscc!, "业务系统上云服务合同", "ERP上云", 105_000m),
                 })
        {
            var created = await enterprise.PostAsJsonAsync($"/api/filings/{id}/contracts", new { contract });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            await HangzhouFiling.StampAsync(enterprise, id, created);
        }
        Assert.True((await h.TransitionAsync(app, id, "enterprise", "submit")).IsSuccessStatusCode);
        Assert.True((await h.TransitionAsync(app, id, "binjiang", "return", "请补充分阶段目标")).IsSuccessStatusCode);
        (await h.SaveAsync(app, id, new Dictionary<string, string?> { ["projectName"] = "第二轮项目名称" })).EnsureSuccessStatusCode();
        var resubmitted = await h.TransitionAsync(app, id, "enterprise", "submit");
        Assert.True(resubmitted.IsSuccessStatusCode, await resubmitted.Content.ReadAsStringAsync());

        var exported = await (await app.As(h.Users["city"])).GetAsync($"/api/filings/annex5.xlsx?search={Uri.EscapeDataString(h.Enterprise.Name)}");
        exported.EnsureSuccessStatusCode();
        var xlsx = await exported.Content.ReadAsByteArrayAsync();
        var cells = Annex5Sheets.Cells(xlsx);

        // The second round, with both contracts' providers, one row each (rows 5 and 6).
        Assert.Equal("第二轮项目名称", cells["Q5"].Text);
        Assert.Equal("生产制造、其他：能耗在线监测", cells["S5"].Text);
        Assert.Equal("其他：私有云迁移", cells["T5"].Text);
        // 数字化转型项目投资额: 300,000 + 105,000 元 = 40.50 万元.
        Assert.Equal(40.5m, Annex5Sheets.Number(cells["P5"]));
        Assert.Equal([h.Provider.Name, h.OtherProvider.Name], new[] { cells["V5"].Text, cells["V6"].Text });
        Assert.False(cells.ContainsKey("A7"));

        // The same filing written from its whole latest version: every body cell and merge alike.
        byte[] whole;
        await using (var scope = app.DataScope(HangzhouFiling.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var version = await db.FilingVersions.AsNoTracking().Where(v => v.FilingId == id).OrderByDescending(v => v.Round).FirstAsync();
            Assert.Equal(2, version.Round);
            var form = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(HangzhouFiling.Programme).Filing!.Form;
            using var output = new MemoryStream();
            await Annex5Sheet.WriteAsync(output, form, "杭州市经信局", new DateOnly(2025, 7, 16),
                new[] { new Annex5Sheet.Entry("滨江区", version.Basics, version.Values, version.Providers) }.ToAsyncEnumerable(), CancellationToken.None);
            whole = output.ToArray();
        }
        static Dictionary<string, (string Text, bool Number, bool Formula)> Body(byte[] sheet) => Annex5Sheets.Cells(sheet)
            .Where(c => int.Parse(c.Key.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) > Annex5Sheet.HeaderRow).ToDictionary();
        Assert.Equal(Body(whole), Body(xlsx));
        Assert.Equal(Annex5Sheets.Merges(whole), Annex5Sheets.Merges(xlsx));
    }
}

public sealed class Annex5ReadingTestsOnSqlite(SqliteApp app) : Annex5ReadingTests<SqliteApp>(app);

public sealed class Annex5ReadingTestsOnPostgres(PostgresApp app) : Annex5ReadingTests<PostgresApp>(app);
