using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>Shijiazhuang's award calls arranged in the database: enterprises on file, an accepted project with the agency's levels,
/// and applications put straight at a state (how an application gets there is AwardTests' subject).</summary>
public static class ShijiazhuangAwards
{
    public const string Programme = "shijiazhuang-2025";
    public const string Benchmark = "sjz-shuzhi-2025", Chain = "sjz-chain-2025";

    /// <summary>The form a bureau fills for an enterprise of 正定县 (or another county), 生物医药制造业 2710 unless named.</summary>
    public static EnterpriseForm Form(string name, string uscc, string district = "正定县", string industry = "生物医药制造业", string code = "2710") => new()
    {
        Name = name, Uscc = uscc, District = district, Industry = industry, IndustryCode = code, RegisteredAddress = "石家庄市正定县1号",
        ContactName = "孙经理", ContactPhone = "13900002222", FoundedOn = "2010-03-01", Employees = "260", RevenueWan = "18000",
    };

    /// <summary>The enterprise the bureau registers with this form (not saved yet).</summary>
    public static Enterprise Register(AsyncServiceScope scope, EnterpriseForm form)
    {
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
        Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
        return Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
    }

    /// <summary>The enterprise registered with this form and saved.</summary>
    public static async Task<Enterprise> RegisteredAsync(DxPilotApp app, EnterpriseForm form)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var enterprise = Register(scope, form);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise;
    }

    /// <summary>A 规上 private enterprise of 320 staff in the county (the 申报书's application table reads them).</summary>
    public static Task<Enterprise> EnterpriseAsync(DxPilotApp app, string district, string? name = null)
    {
        var form = Form(name ?? $"石家庄奖补测试{Guid.NewGuid().ToString("N")[..8]}有限公司", TestData.NewUscc("130123"), district);
        (form.Employees, form.AboveScale, form.Ownership) = ("320", "规上", "民营");
        return RegisteredAsync(app, form);
    }

    /// <summary>The enterprise's project accepted by the agency at <paramref name="after"/> from <paramref name="before"/> (written in the
    /// database: Shijiazhuang's seeds describe no filing, so the platform's project chain is not this programme's).</summary>
    public static async Task AcceptedProjectAsync(DxPilotApp app, Guid enterpriseId, string district = "正定县", int before = 2, int after = 3)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var filing = Filing.Start(Programme, enterpriseId, district, Actor.System(Programme, "测试数据"), DateTime.UtcNow);
        db.Filings.Add(filing);
        var project = Project.Open(filing, null, DateTime.UtcNow);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        await db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProjectStatus.Accepted)
            .SetProperty(p => p.LevelBefore, before).SetProperty(p => p.LevelAfter, after).SetProperty(p => p.AcceptedAt, DateTime.UtcNow));
    }

    public static Task AcceptedProjectAsync(DxPilotApp app, Enterprise enterprise, int before = 2, int after = 3) =>
        AcceptedProjectAsync(app, enterprise.Id, enterprise.District, before, after);

    /// <summary>An application of the enterprise to the call with these directions, in a closed batch of its own, put at <paramref name="state"/>.</summary>
    public static async Task<Guid> ApplicationAsync(DxPilotApp app, Enterprise enterprise, string callId, AwardStatus state, params string[] directions)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var call = scope.ServiceProvider.GetRequiredService<AwardCatalog>().Find(callId)!;
        var now = DateTime.UtcNow;
        // A batch number no real batch takes, closed so that it never stands in the way of the open one.
        var batch = AwardBatch.Open(call, Random.Shared.Next(100_000, int.MaxValue), "测试批次", now);
        batch.Close(now);
        db.AwardBatches.Add(batch);
        var application = AwardApplication.Start(call, batch.Id, enterprise.Id, enterprise.District, now);
        application.Revise(call, directions, new AwardContent { ContactName = "孙经理", ContactPhone = "13900002222" }, now);
        db.AwardApplications.Add(application);
        await db.SaveChangesAsync();
        await db.AwardApplications.Where(x => x.Id == application.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, state).SetProperty(x => x.Revision, 1)
            .SetProperty(x => x.SubmittedAt, now).SetProperty(x => x.RecognisedDirections, state == AwardStatus.Recognised ? application.Directions : "||"));
        return application.Id;
    }

    /// <summary>An application for <paramref name="applied"/> recognised in <paramref name="recognised"/> only (the city may recognise
    /// one direction of two).</summary>
    public static async Task<Guid> RecognisedInAsync(DxPilotApp app, Enterprise enterprise, string callId, string[] applied, params string[] recognised)
    {
        var id = await ApplicationAsync(app, enterprise, callId, AwardStatus.Recognised, applied);
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        await db.AwardApplications.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RecognisedDirections, "|" + string.Join("|", recognised) + "|"));
        return id;
    }
}
