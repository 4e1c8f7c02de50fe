using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.AcceptanceResults;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>An applicant of the demo: its enterprise file and the actor of its account.</summary>
public sealed record DemoApplicant(Enterprise Enterprise, Actor Actor);

/// <summary>An enterprise the demo registers in Shijiazhuang, with its own account.</summary>
public sealed record DemoEnterprise(string Name, string UserName, int UsccNumber, string District, string Industry, string IndustryCode);

/// <summary>
/// Development data: seed 004's "成熟一批、发布一批" on the 数智 call, through the services as each user would. In 第一批 three
/// enterprises apply, their county recommends each after its site check, the city puts them under review, the three demo
/// experts score them and the city recognises them (小灯塔 and 创新 40万, 车间 20万, 创新 10万); the city closes the batch, so its
/// 认定名单 is published. In 第二批 one application waits, recommended, for the city's 纳入评审, and one is under review with two
/// of its three experts' reviews handed in (sjz-expert3 has it to do).
/// </summary>
public sealed class AwardDemoBatches(DxPilotDbContext db, AwardService awards, AcceptanceResultService acceptance, AwardCatalog calls,
    ProgrammeCatalog programmes, CurrentActor current, TimeProvider clock)
{
    public const string Call = "sjz-shuzhi-2025";

    private enum Stage { Recognised, Recommended, UnderReview }

    private sealed record Application(DemoEnterprise Enterprise, string Project, string[] Directions, Stage Stage);

    // GB/T 4754-2017: 2710 化学药品原料药制造, 2720 化学药品制剂制造, 1441 液体乳制造, 3982 电子电路制造, 3512 石油钻采专用设备制造.
    private static readonly Application[] FirstBatch =
    [
        new(new("石家庄正定华康制药有限公司（演示）", "sjz-huakang", 21, "正定县", "生物医药制造业", "2710"), "原料药合成车间数字化改造项目（演示）", ["lighthouse", "innovation"], Stage.Recognised),
        new(new("石家庄正定绿源乳业有限公司（演示）", "sjz-lvyuan", 22, "正定县", "现代食品制造业", "1441"), "液态奶灌装线智能化改造项目（演示）", ["smartFactory"], Stage.Recognised),
        new(new("石家庄新华智联电子科技有限公司（演示）", "sjz-zhilian", 23, "新华区", "新一代电子信息和装备产业", "3982"), "电路板贴装车间数字化改造项目（演示）", ["innovation"], Stage.Recognised),
    ];

    private static readonly Application[] SecondBatch =
    [
        new(new("石家庄正定仁和药业有限公司（演示）", "sjz-renhe", 24, "正定县", "生物医药制造业", "2720"), "制剂车间质量追溯系统建设项目（演示）", ["innovation"], Stage.Recommended),
        new(new("石家庄新华精工机械有限公司（演示）", "sjz-jinggong", 25, "新华区", "先进专用设备制造业", "3512"), "装配车间设备联网与排产优化项目（演示）", ["lighthouse"], Stage.UnderReview),
    ];

    /// <summary>Both batches, unless the call's batches exist already (a second run, or a platform whose city opened them).</summary>
    /// <param name="enrol">Registers an enterprise and its account (the award demo's own way) and returns the applicant.</param>
    public async Task EnsureAsync(Func<DemoEnterprise, CancellationToken, Task<DemoApplicant>> enrol, Actor city, IReadOnlyDictionary<string, Actor> counties,
        IReadOnlyList<Actor> experts, CancellationToken ct)
    {
        var call = calls.Find(Call) ?? throw new InvalidOperationException($"奖补申报通知 {Call} 未配置");
        if (await db.AwardBatches.AnyAsync(b => b.CallId == call.Id, ct)) return;
        var first = await OpenAsync(city, call, ct);
        foreach (var a in FirstBatch) await CarryAsync(call, a, await enrol(a.Enterprise, ct), first, city, counties, experts, ct);
        current.Assume(city);
        DemoSteps.Require("第一批截止", await awards.CloseBatchAsync(city, call.Id, first.Id, ct));
        var second = await OpenAsync(city, call, ct);
        foreach (var a in SecondBatch) await CarryAsync(call, a, await enrol(a.Enterprise, ct), second, city, counties, experts, ct);
    }

    private async Task<AwardBatch> OpenAsync(Actor city, AwardCall call, CancellationToken ct)
    {
        current.Assume(city);
        return DemoSteps.Require("开启批次", await awards.OpenBatchAsync(city, call.Id, null, ct));
    }

    /// <summary>One application from the enterprise's accepted project to its stage: recommended, under review or recognised.</summary>
    private async Task CarryAsync(AwardCall call, Application a, DemoApplicant applicant, AwardBatch batch, Actor city,
        IReadOnlyDictionary<string, Actor> counties, IReadOnlyList<Actor> experts, CancellationToken ct)
    {
        await AcceptedAsync(applicant.Enterprise, a.Project, ct);
        var id = await SubmittedAsync(call, a, applicant.Actor, ct);
        var county = counties[a.Enterprise.District];
        current.Assume(county);
        var today = LocalTime.Today(clock.GetUtcNow(), programmes.Get(call.ProgrammeId).Zone);
        DemoSteps.Require("县区审核推荐", await awards.TransitionAsync(county, id, AwardTrigger.Recommend, "申报材料齐全，符合申报条件，同意推荐。",
            $"{today.AddDays(-3):yyyy年M月d日}现场核查，生产现场、设备联网和系统运行情况与申报材料一致。", null, ct));
        if (a.Stage == Stage.Recommended) return;
        current.Assume(city);
        DemoSteps.Require("纳入评审批次", await awards.TransitionAsync(city, id, AwardTrigger.StartReview, null, null, null, ct));
        DemoSteps.Require("指派评审专家", await awards.AssignPanelAsync(city, call.Id,
            new PanelInput(batch.Id, a.Enterprise.Industry, experts.Select(e => e.UserId).ToList(), [id]), ct));
        var reviewing = a.Stage == Stage.Recognised ? experts : experts.Take(experts.Count - 1);
        foreach (var (expert, n) in reviewing.Select((e, n) => (e, n))) await ReviewAsync(expert, id, n, ct);
        if (a.Stage == Stage.UnderReview) return;
        current.Assume(city);
        DemoSteps.Require("认定", await awards.TransitionAsync(city, id, AwardTrigger.Recognise, "经第三方评审，符合认定条件，予以认定。", null, null, ct));
    }

    /// <summary>The agency's acceptance of the enterprise's transformation at 三级 from 二级, imported by the city as Shijiazhuang
    /// imports them (no acceptance chain on the platform).</summary>
    public async Task AcceptedAsync(Enterprise enterprise, string project, CancellationToken ct)
    {
        var importer = Actor.System(enterprise.ProgrammeId, "演示数据");
        current.Assume(importer);
        var facts = new AcceptanceFacts(new DateOnly(2025, 6, 20), 2, 3, "河北省中小企业数字化评测中心（演示）", null, true, null);
        DemoSteps.Require("导入验收结果", await acceptance.RecordAsync(importer, enterprise, project, facts, "演示数据", ct));
    }

    /// <summary>The enterprise's 申报书 written, its signed 承诺书 and 申报声明 scanned, and submitted.</summary>
    private async Task<Guid> SubmittedAsync(AwardCall call, Application a, Actor enterprise, CancellationToken ct)
    {
        current.Assume(enterprise);
        var started = DemoSteps.Require("开始申报", await awards.StartAsync(enterprise, call.Id, ct));
        var saved = DemoSteps.Require("保存申报书", await awards.SaveDraftAsync(enterprise, started.Id, a.Directions, Content(a), started.Version, ct));
        foreach (var (kind, name, seed) in new[] { (AwardFileKind.Pledge, "承诺书（签字盖章）.jpg", 1), (AwardFileKind.Declaration, "申报声明（签字盖章）.jpg", 2) })
        {
            var scan = DemoScans.StampedPage(a.Enterprise.UsccNumber * 10 + seed, parties: 1);
            DemoSteps.Require("上传" + name, await awards.UploadAsync(enterprise, saved.Id, new AwardFileSlot(kind),
                [new UploadedFile(name, scan.Length, () => new MemoryStream(scan, writable: false))], ct));
        }
        DemoSteps.Require("提交申报", await awards.TransitionAsync(enterprise, saved.Id, AwardTrigger.Submit, null, null, null, ct));
        return saved.Id;
    }

    /// <summary>The expert's review handed in: each item between 80 % and 95 % of its maximum, 推荐认定.</summary>
    private async Task ReviewAsync(Actor expert, Guid applicationId, int n, CancellationToken ct)
    {
        current.Assume(expert);
        var assigned = DemoSteps.Require("查看评审任务", await awards.MyReviewsAsync(expert, ct)).First(r => r.Application.Id == applicationId && r.Closed is null);
        var scores = assigned.Items.ToDictionary(i => i.Key, i => (string?)((int)Math.Floor(i.MaxScore * (0.80m + 0.05m * ((n + i.Key.Length) % 4)))).ToString());
        var opinion = n switch
        {
            0 => "申报材料完整，数字化改造成效有数据支撑，建议认定。",
            1 => "现场核查情况与申报一致，场景应用深入，建议认定。",
            _ => "改造投入与成效匹配，具有示范带动作用，建议认定。",
        };
        DemoSteps.Require("提交评审意见", await awards.SubmitReviewAsync(expert, assigned.Review.Id, new AwardReviewInput(scores, "recognise", opinion, assigned.Review.Version), ct));
    }

    /// <summary>The 申报书's texts and figures for the directions applied for, written for the demo.</summary>
    private static AwardContent Content(Application a)
    {
        var content = new AwardContent { ContactName = "王经理", ContactPhone = "0311-8766" + a.Enterprise.UsccNumber.ToString("D4") };
        // The 发明专利 the 申报书 speaks of (小灯塔's 创新 criterion reads them; numbers in CNIPA's ZL form, made up for the demo).
        var n = a.Enterprise.UsccNumber;
        content.IntellectualProperty.AddRange(
        [
            new IpRight("发明专利", $"ZL2023104{n:D2}781.6", new DateOnly(2024, 3, 12)),
            new IpRight("发明专利", $"ZL2023108{n:D2}215.3", new DateOnly(2024, 9, 27)),
            new IpRight("发明专利", $"ZL2024102{n:D2}649.1", new DateOnly(2025, 4, 8)),
        ]);
        var basics = $"{a.Enterprise.Name[..^4]}成立于2009年，位于石家庄市{a.Enterprise.District}，主营{a.Enterprise.Industry}相关产品，现有员工300余人，2024年营业收入2.1亿元。";
        foreach (var direction in a.Directions)
        {
            var text = new AwardText();
            switch (direction)
            {
                case "lighthouse":
                    text.Sections["basics"] = basics;
                    text.Sections["foundation"] = "关键工序设备数字化率72%，设备联网率65%，已上线ERP、MES和WMS并实现数据贯通。";
                    text.Sections["leadership"] = "成立由总经理任组长的数字化转型领导小组，设立信息化部，配备专职人员12名。";
                    text.Sections["plan"] = "未来三年计划投入1200万元，建设数据中台，推进质量追溯和能耗管理全覆盖。";
                    foreach (var typical in new[] { 7, 8, 11, 12 })
                        text.Scenarios.Add(new ScenarioText
                        {
                            TypicalScenario = typical,
                            Fields =
                            {
                                ["description"] = "基于MES采集的订单、设备和物料数据，由系统生成并下达作业计划。",
                                ["painPoints"] = "改造前依靠人工排产，插单频繁时计划调整滞后，设备等待时间长。",
                                ["results"] = "计划编制时间由4小时缩短至30分钟，设备综合效率提升12%。",
                                ["economics"] = "年节约人工及停机成本约80万元，同行业企业可复制推广。",
                            },
                        });
                    content.Entered["digitalEquipment"] = 72m;
                    content.Entered["networked"] = 65m;
                    break;
                case "smartFactory":
                    foreach (var (key, value) in new[]
                    {
                        ("operations", basics), ("itPlan", "制定《数字化转型三年规划（2024—2026年）》，明确智能工厂建设路径。"),
                        ("itDepartment", "设立信息中心，负责系统建设与运维，配备专职人员8名。"),
                        ("systems", "建成ERP、MES、LIMS和能源管理系统，覆盖采购、生产、质检和仓储。"),
                        ("integration", "各系统通过数据中台集成，生产、质量和能耗数据实时贯通。"),
                        ("security", "落实网络安全等级保护二级要求，生产网与办公网隔离。"),
                    })
                        text.Sections[key] = value;
                    content.Mode = "process";
                    content.Entered["processDataCollection"] = 93m;
                    content.Entered["autoControlInUse"] = 91m;
                    break;
                case "innovation":
                    text.Sections["basics"] = basics;
                    text.Sections["input"] = "研发经费占营业收入比重由3.2%提高到4.5%，建有市级企业技术中心。";
                    text.Sections["invention"] = "近两年新增发明专利3项、实用新型专利8项。";
                    text.Sections["drive"] = "新产品销售收入占比提升至35%，产品进入京津冀主要客户供应链。";
                    text.Sections["collaboration"] = "与河北医科大学、河北科技大学共建联合实验室，开展工艺数字化研究。";
                    content.EnteredBefore["innovationSpendShare"] = 3.2m;
                    content.Entered["innovationSpendShare"] = 4.5m;
                    break;
            }
            content.Texts[direction] = text;
        }
        return content;
    }
}
