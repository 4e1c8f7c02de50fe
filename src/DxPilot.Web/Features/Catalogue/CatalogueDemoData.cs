using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// Development data for the catalogue (Changchun): the demo provider and a second provider admitted to the pool with twenty
/// approved products over most of the MIIT business scenarios (fixed prices and ranges, a few in spend categories the subsidy
/// does not count), one product waiting for review, and a third provider's application waiting for the city. Everything goes
/// through the services as the provider and the city would, so the history and audit trail are the real ones. A programme whose
/// demo provider already applied is left alone.
/// </summary>
public sealed class CatalogueDemoData(DxPilotDbContext db, PoolService pool, ProductService products, UserManager<AppUser> users, CurrentActor current,
    ILogger<CatalogueDemoData> logger)
{
    private const string Programme = "changchun-2025";
    private const string SecondProvider = "吉林云启软件科技有限公司（演示）";
    private const string Applicant = "长春精工工业互联网有限公司（演示）";

    private sealed record Offer(string Name, string Summary, string[] Scenarios, string Low, string? High, string Category, int Days, bool Cloud,
        bool Tax = true, string[]? Industries = null);

    private static readonly Offer[] DemoProviderOffers =
    [
        new("智造云MES生产执行系统", "覆盖生产计划下达、工单报工、在制品跟踪和车间看板，支持与ERP、设备联网网关对接；按车间规模报价。",
            ["2.1.2", "2.2.4", "3.2.5"], "18.00", "35.00", "software", 90, false),
        new("智能排产APS高级计划系统", "基于订单、工艺路线和设备产能自动生成排产计划，插单、设备故障时快速重排，输出物料需求。",
            ["2.1.1", "3.1.3"], "12.00", "24.00", "software", 60, false),
        new("质量追溯与SPC分析系统", "来料、过程、成品检验数据电子化，按批次正反向追溯，SPC控制图实时预警质量异常。",
            ["2.3.1", "2.3.2", "2.3.4"], "9.80", null, "software", 45, false, Industries: ["汽车零部件配件制造", "电子元器件制造"]),
        new("设备联网网关及数据采集套件", "工业网关、采集终端和传感器一套（20台设备以内），采集设备状态、产量和能耗，支持主流PLC与数控系统协议。",
            ["2.8.1", "2.4.1"], "6.50", null, "collection", 30, false),
        new("设备管理EAM云平台", "设备台账、点巡检、保养计划和维修工单移动化管理，备件库存联动，按年订阅。",
            ["2.4.2", "2.4.3"], "8.00", "15.00", "cloud", 30, true),
        new("能耗在线监测与优化平台", "水、电、气分项计量和实时监测，能耗对标分析和峰谷用电优化建议，含电表接入配置。",
            ["2.5.1", "2.5.2", "2.6.1"], "7.20", null, "cloud", 40, true),
        new("智能仓储WMS系统", "条码/RFID出入库、库位管理、拣货路径优化和配送到工位，与MES、ERP联动。",
            ["3.2.1", "3.2.4", "3.2.6"], "10.00", "20.00", "software", 60, false),
        new("供应商协同SRM云平台", "询比价、采购订单协同、送货预约和供应商绩效评价，供应商在线确认交期。",
            ["3.1.1", "3.1.2"], "6.00", null, "cloud", 30, true),
        new("云ERP财务供应链一体化", "销售、采购、库存、生产和财务一体化管理，业财自动凭证，按用户数订阅。",
            ["4.1.2", "3.1.3", "3.1.4"], "15.00", "30.00", "cloud", 75, true),
        new("数据中台与经营驾驶舱BI", "汇聚MES、ERP、设备数据，统一指标口径，经营驾驶舱和移动端报表辅助管理决策。",
            ["4.2.1", "1.3.2"], "20.00", "45.00", "software", 90, false),
        new("安全生产双重预防数字化系统", "风险分级管控和隐患排查治理线上闭环，作业票证电子化，危险源监测报警。",
            ["2.7.1", "2.7.4"], "6.80", null, "cloud", 30, true),
        new("工业网络安全防护套件", "工控网络边界防护、主机加固和数据备份，含网络与数据安全评估报告。",
            ["2.7.5", "2.7.6"], "8.50", "16.00", "software", 45, false, Tax: false),
        new("车间看板终端及办公电脑", "车间电子看板一体机和配套办公电脑（10台），用于报工与看板展示。",
            ["2.1.2"], "3.60", null, "office", 15, false),
        new("系统运维驻场服务（一年）", "MES、WMS等系统上线后一年的驻场运维和用户培训。",
            ["2.1.2", "2.4.3"], "4.80", null, "maintenance", 365, false),
    ];

    private static readonly Offer UnderReview = new("AI视觉质量检测系统", "工业相机与深度学习算法识别表面缺陷和尺寸偏差，替代人工目检，缺陷图片自动归档追溯。",
        ["2.3.3", "2.3.5"], "25.00", "60.00", "software", 90, false);

    private static readonly Offer[] SecondProviderOffers =
    [
        new("PLM产品全生命周期管理系统", "图文档、BOM、设计变更和工艺知识统一管理，支持与主机厂协同研发。",
            ["1.1.2", "1.2.1", "3.3.1"], "18.00", "40.00", "software", 120, false),
        new("三维CAD与CAE仿真设计套件", "三维设计与结构、流体仿真软件正版授权（5套），含设计规范模板和培训。",
            ["1.1.3", "1.1.1", "1.1.5"], "12.00", null, "software", 20, false),
        new("人力资源HR SaaS", "组织人事、考勤排班、计件工资和绩效在线管理，按年订阅。",
            ["4.1.3"], "2.40", null, "cloud", 10, true),
        new("协同办公OA云平台", "流程审批、公文、会议和移动办公，与钉钉、企业微信集成。",
            ["4.1.1"], "1.80", null, "cloud", 10, true),
        new("客户管理CRM与电商营销平台", "客户、商机、合同回款管理，对接主流电商平台，营销数据分析。",
            ["3.1.4", "1.3.1", "1.3.2"], "3.50", "8.00", "cloud", 20, true),
        new("数字化售后服务平台", "设备远程运维、报修工单、备件和服务人员调度，客户在线查询服务进度。",
            ["1.4.1", "1.4.2"], "5.00", null, "cloud", 30, true),
    ];

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var city = await users.ActorAsync("cc-city");
        var demo = await users.ActorAsync("cc-provider");
        if (city is null || demo?.OrganisationId is not { } demoOrg) return;
        if (await db.PoolMembers.AnyAsync(m => m.ProgrammeId == Programme && m.OrganisationId == demoOrg, ct)) return;

        current.Assume(city); // the city registers the two demo providers in its 机构名录
        var second = await OrganisationAsync(SecondProvider, "91220101MA17W8K2X", ct);
        var applicant = await OrganisationAsync(Applicant, "91220104MA15Q3R7N", ct);
        var secondActor = new Actor("demo-cc-provider-yunqi", SecondProvider, Role.ServiceProvider, Programme, OrganisationId: second.Id);
        var applicantActor = new Actor("demo-cc-provider-jinggong", Applicant, Role.ServiceProvider, Programme, OrganisationId: applicant.Id);

        await AdmittedAsync(demo, city, "长春市朝阳区卫星路6543号", "为长春地区20余家汽车零部件企业实施MES、设备联网和质量追溯项目；为轨道交通装备企业建设能耗监测平台。", ct);
        await AdmittedAsync(secondActor, city, "长春市高新区硅谷大街3355号", "为一汽配套企业实施PLM与三维设计协同；为医药企业上线HR与OA云平台。", ct);
        foreach (var offer in DemoProviderOffers) await ProductAsync(demo, city, offer, approve: true, ct);
        await ProductAsync(demo, city, UnderReview, approve: false, ct);
        foreach (var offer in SecondProviderOffers) await ProductAsync(secondActor, city, offer, approve: true, ct);

        current.Assume(applicantActor);
        var waiting = await pool.ApplyAsync(applicantActor, Form(applicantActor, applicant.Uscc!, "长春市绿园区青年路1000号",
            "工业互联网标识解析二级节点建设运营；为12家装备制造企业实施设备联网和产能共享。"), null, ct);
        if (!waiting.IsOk) logger.LogWarning("演示数据：{Name} 未能申请入池：{Reason}", Applicant, waiting.Message);
    }

    private async Task AdmittedAsync(Actor provider, Actor city, string address, string cases, CancellationToken ct)
    {
        var uscc = await db.Organisations.Where(o => o.Id == provider.OrganisationId).Select(o => o.Uscc).FirstAsync(ct) ?? WithCheck("91220102MA14T5D8Y");
        current.Assume(provider);
        var applied = await pool.ApplyAsync(provider, Form(provider, uscc, address, cases), null, ct);
        if (!applied.IsOk) { logger.LogWarning("演示数据：{Name} 未能申请入池：{Reason}", provider.Name, applied.Message ?? string.Join("；", applied.Errors.Values)); return; }
        current.Assume(city);
        await pool.TransitionAsync(city, applied.Value!.Id, PoolTrigger.Admit, "资质和案例齐全，同意入池", null, ct);
    }

    private async Task ProductAsync(Actor provider, Actor city, Offer o, bool approve, CancellationToken ct)
    {
        current.Assume(provider);
        var created = await products.CreateAsync(provider, new ProductForm(o.Name, o.Summary, o.Scenarios, o.Industries ?? [], o.Low, o.High, o.Tax,
            o.Days.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Cloud, o.Category), ct);
        if (!created.IsOk) { logger.LogWarning("演示数据：产品 {Name} 未能保存：{Reason}", o.Name, created.Message + string.Join("；", created.Errors.Values)); return; }
        await products.TransitionAsync(provider, created.Value!.Id, ProductTrigger.Submit, null, null, ct);
        if (!approve) return;
        current.Assume(city);
        await products.TransitionAsync(city, created.Value.Id, ProductTrigger.Approve, null, null, ct);
    }

    private static PoolApplicationForm Form(Actor provider, string uscc, string address, string cases) =>
        new(provider.Name, uscc, address, "王建国", "ISO 9001质量管理体系认证；软件企业认定；信息系统建设和服务能力等级证书（CS2）", cases,
            "刘经理", "0431-85551234", "service@example.cn");

    private static string WithCheck(string body) => body + Uscc.CheckCharacter(body);

    /// <summary>A demo provider organisation with a fictional, well-formed USCC.</summary>
    private async Task<Organisation> OrganisationAsync(string name, string usccBody, CancellationToken ct)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.ProgrammeId == Programme && o.Name == name, ct);
        if (org is not null) return org;
        org = new Organisation { ProgrammeId = Programme, Name = name, Kind = OrganisationKind.ServiceProvider, Uscc = WithCheck(usccBody) };
        db.Organisations.Add(org);
        await db.SaveChangesAsync(ct);
        return org;
    }
}
