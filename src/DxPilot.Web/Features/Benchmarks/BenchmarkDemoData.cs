using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>
/// Development data for the Heilongjiang benchmark call: the provincial bureau and one applicant enterprise (a fictitious
/// valve maker in 哈尔滨市) with its file. A second run finds them and changes nothing.
/// </summary>
public sealed class BenchmarkDemoData(DxPilotDbContext db, UserManager<AppUser> users, ProgrammeCatalog programmes, TimeProvider clock,
    CurrentActor current)
{
    private const string ProgrammeId = "heilongjiang-2025";
    private const string EnterpriseName = "哈尔滨北疆阀门制造有限公司（演示）";
    // 230109 is 松北区, 哈尔滨市 (GB/T 2260); the check character is computed so the code is well-formed.
    private const string UsccBody = "91230109MA1BXY7K2";
    private static readonly string DemoUscc = UsccBody + Uscc.CheckCharacter(UsccBody);

    public async Task<IReadOnlyList<DemoData.Login>> EnsureAsync(CancellationToken ct = default)
    {
        // By its code too: a database may hold the same file under another name, and the code is unique per programme.
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.ProgrammeId == ProgrammeId && (e.Name == EnterpriseName || e.Uscc == DemoUscc), ct)
                         ?? await RegisterEnterprise(ct);
        return
        [
            await EnsureUser("hlj-city", "黑龙江省工业和信息化厅（演示）", Role.CityBureau, null),
            await EnsureUser("hlj-enterprise", EnterpriseName, Role.Enterprise, enterprise.Id),
        ];
    }

    private async Task<Enterprise> RegisterEnterprise(CancellationToken ct)
    {
        var programme = programmes.Get(ProgrammeId);
        var form = new EnterpriseForm
        {
            Name = EnterpriseName, Uscc = DemoUscc, District = "哈尔滨市",
            RegisteredAddress = "哈尔滨市松北区智谷二街3099号", LegalRepresentative = "李建国", ContactName = "王丽", ContactPhone = "0451-88886666",
            FoundedOn = "2012-05-18", Ownership = "Private", AboveScale = "是", QualityTier = "Specialised",
            Industry = "制造业", IndustryCode = "3443", Employees = "260", DigitalStaff = "18", InsuredEmployees = "248",
            MainProducts = "工业阀门、智能调节阀", RevenueWan = "18600", ProfitWan = "1320", DigitalInvestmentWan = "860",
            LittleGiantCentralFunded = "否", Pilot2022 = "否", CreditStatus = "Good",
        };
        var result = EnterpriseValidator.Validate(form, programme, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (!result.IsValid) throw new InvalidOperationException($"演示企业档案无效：{string.Join("；", result.Errors.Values)}");
        var enterprise = Enterprise.Register(programme, result.Details!, clock.GetUtcNow().UtcDateTime);
        db.Enterprises.Add(enterprise);
        current.Assume(Actor.System(programme.Id, "演示数据"));
        await db.SaveChangesAsync(ct);
        return enterprise;
    }

    private async Task<DemoData.Login> EnsureUser(string userName, string displayName, Role role, Guid? enterprise)
    {
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new AppUser
            {
                UserName = userName, DisplayName = displayName, Role = role, ProgrammeId = ProgrammeId,
                EnterpriseId = enterprise, EmailConfirmed = true,
            };
            var result = await users.CreateAsync(user, DemoData.Password);
            if (!result.Succeeded) throw new InvalidOperationException($"演示账号 {userName} 创建失败：{string.Join("；", result.Errors.Select(e => e.Description))}");
        }
        return new DemoData.Login(userName, displayName, role);
    }
}
