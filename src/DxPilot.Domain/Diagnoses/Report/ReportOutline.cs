namespace DxPilot.Domain.Diagnoses.Report;

/// <summary>A text the diagnosis team writes: its key in the stored document, its heading and the template's hint.</summary>
public sealed record ReportText(string Key, string Heading, string Hint);

/// <summary>How a table column is checked and shown: free text, a whole number, 是/否, or an amount in 万元 (two decimals).</summary>
public enum ReportColumnKind { Text, Whole, YesNo, Wan }

public sealed record ReportColumn(string Label, ReportColumnKind Kind = ReportColumnKind.Text, string Hint = "");

/// <summary>A table the team fills row by row (表2-5, 表10, 表11): its caption and columns, 序号 left out (the rows are numbered).</summary>
public sealed record ReportTable(string Key, string Caption, IReadOnlyList<ReportColumn> Columns);

/// <summary>
/// 长春市中小企业数字化转型城市试点咨询诊断报告（模板）, seed 002 附件3: the parts the diagnosis team writes, in the template's
/// order, with its headings, hints and table columns word for word. The parts the platform fills (表1 from the enterprise
/// file, 表6-8 from the 改造前 assessment, the team, the visits, the satisfaction form) are not here: they are read, not stored.
/// </summary>
public static class ReportOutline
{
    /// <summary>No single part of a report runs this long (the whole report asks for 15,000); the limit keeps a pasted book out.</summary>
    public const int SectionMaxCharacters = 50_000;
    /// <summary>表1 企业基本情况（500字以内）.</summary>
    public const int BasicsIntroMaxCharacters = 500;
    public const int TableMaxRows = 200;
    public const int CellMaxCharacters = 2_000;
    public const int NeedMaxItems = 100;

    public static readonly ReportText Profile = new("profile", "（一）企业简介",
        "描述企业的名称、产值规模、员工数量及构成、主导产品、行业地位与特色优势、人员规模、市场份额、上年度销售收入和利税情况等。");
    public static readonly ReportText Organisation = new("organisation", "（二）组织架构及管理制度",
        "1.描述企业的组织架构情况，介绍数字化相关部门的人员数量及构成以及在数字化转型中的具体角色和职责。\n"
        + "2.描述企业数字化相关管理制度建设情况，如数字化转型所需的绩效管理、考核方案、激励机制等管理制度、跨部门数字化转型合作机制、数字化信息系统管理相关制度规范等；管理制度实施情况和效果等。");
    public static readonly ReportText Production = new("production", "（三）生产模式及生产工艺",
        "描述企业的生产模式、生产类型、生产工艺、技术水平等情况，重点介绍关键生产工序和工艺流程情况。");
    public static readonly ReportText Automation = new("automation", "1.自动化设备应用情况",
        "描述企业近年来自动化改造方面的投入情况、自动化设备（如智能生产装备、智能检测与监控装备、智能物流装备等）应用情况、设备联网与集中管理以及关键设备互联互通情况等。");
    public static readonly ReportText Systems = new("systems", "2.数字化系统应用情况",
        "描述企业近年来数字化系统、软件工具方面的投入情况、数字化技术在企业的各个业务环节中的应用情况，包括研发设计、生产制造、供应链管理、仓储物流、营销服务、经营管理、集成应用、网络通信、信息安全等各个领域。");
    public static readonly ReportText Data = new("data", "3.数据采集和应用情况",
        "描述企业数据资源管理情况、各业务环节数据采集汇聚、分析应用情况、系统互联互通情况等。");
    public static readonly ReportText Cloud = new("cloud", "4.“上云用云”情况", "描述企业核心设备、业务系统等“上云用云”情况。");
    public static readonly ReportText LevelSummary = new("levelSummary", "（一）数字化水平等级",
        "（公司/单位）数字化水平整体得分为＿分，整体处于数字化水平＿阶段，＿（如：数字化成效、数字化管理、数字化经营、数字化成效）成为阻碍企业发展的关键短板。");
    public static readonly ReportText Foundation = new("analysisFoundation", "1.数字化基础",
        "目前，企业在数字化基础的得分为XX分，简述本部分情况。设备系统、数据采集、信息系统、信息安全的得分各为XX分，结合选项简述本部分情况。");
    public static readonly ReportText Operations = new("analysisOperations", "2.数字化经营",
        "目前，企业数字化经营应用场景中，X项应用场景达到X级，其中有X项约束性场景，结合选项简述本部分情况。");
    public static readonly ReportText Management = new("analysisManagement", "3.数字化管理", "参考“数字化基础”内容自行补充。");
    public static readonly ReportText Outcomes = new("analysisOutcomes", "4.数字化成效", "参考“数字化基础”内容自行补充。");
    public static readonly ReportText PainPoints = new("painPoints", "（三）痛点分析",
        "根据企业数字化水平评估结果及现场咨询诊断情况，结合行业现状及特性，分析企业在数字化转型过程中面临的生产经营痛点及短板，对标企业所属行业的国内外先进水平，分析目前存在的差距，梳理企业数字化转型需求清单。");
    public static readonly ReportText TopDesign = new("topDesign", "（一）顶层设计",
        "描述企业数字化转型解决方案顶层设计及切入点，制定企业数字化转型的阶段性目标和具体的实施计划。");
    public static readonly ReportText BuildPlan = new("buildPlan", "（二）建设方案",
        "描述企业数字化转型解决方案整体架构，实施数字化改造的硬件、软件系统需求及实现的主要功能，以及各硬件、软件系统集成要点等。");
    public static readonly ReportText Projects = new("projects", "（三）具体项目改造方案（含投资预算及项目建设期）",
        "重点从智能装备应用、车间设备互联互通、生产过程实时调度、物料配送、产品信息可追溯、车间环境和能源消耗监控、设计开发与生产联动协同等方面制定项目设计方案。");

    public static readonly ReportTable Equipment = new("equipment", "表2 生产设备列表",
        [new("设备名称"), new("规格型号"), new("生产厂家"), new("数量", ReportColumnKind.Whole), new("是否联网", ReportColumnKind.YesNo),
         new("接口类型"), new("部署时间")]);
    public static readonly ReportTable SystemList = new("systemList", "表3 数字化系统列表",
        [new("软件/系统名称"), new("使用的功能模块名称及功能概述"), new("服务商名称"), new("投入金额（万元）", ReportColumnKind.Wan), new("部署时间")]);
    public static readonly ReportTable DataResources = new("dataResources", "表4 数据资源列表",
        [new("数据范围", Hint: "如：设备数据、生产数据、质量数据、供应链数据......"),
         new("数据内容", Hint: "如：开/关机状态、设备运行状态、产量、工艺参数、温度、尺寸......"),
         new("数据类型", Hint: "如：非结构化数据、结构化数据、半结构化数据......"),
         new("数据来源", Hint: "如：工业设备、业务系统（PLM、MES、WMS、CRM、SRM等系统）......"),
         new("数据采集方式", Hint: "如：手工采集、自动化采集、传感器采集、日志采集......"),
         new("数据应用场景", Hint: "如：设备运行检测、设备预测性维护、质量缺陷管理、统计分析......")]);
    public static readonly ReportTable CloudUse = new("cloudUse", "表5“上云用云”情况列表",
        [new("业务类型", Hint: "如：设备上云、业务系统上云、资源上云（数据、视频等）、工具软件上云（数据库、操作系统等）......"),
         new("云服务类别", Hint: "如：公有云、私有云、混合云"),
         new("云服务提供商", Hint: "如：亚马逊、阿里、华为......")]);
    public static readonly ReportTable ProjectList = new("projectList", "表10 数字化改造项目列表",
        [new("项目名称"), new("主要建设内容"), new("实施时间"), new("成本预估（万元）", ReportColumnKind.Wan), new("预期产出效果")]);
    public static readonly ReportTable Recommendations = new("recommendations", "表11 数字化产品和服务推荐列表",
        [new("产品/服务名称", Hint: "如：MES系统"), new("应用场景", Hint: "如：研发设计、生产制造、供应链、销售、服务、信息安全、数据管理"),
         new("主要功能/服务内容", Hint: "如：工单管理、生产过程管理、设备管理、质量管理......"),
         new("改造目标", Hint: "如：实现生产过程控制智能化，生产效率提升10%")]);

    /// <summary>表9 数字化改造需求表: the five kinds of need, each listed item by item（逐条列出）.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> NeedCategories =
    [
        ("production", "生产过程数字化面临需求"),
        ("lifecycle", "产品生命周期数字化面临需求"),
        ("supplyChain", "产业链供应链数字化面临需求"),
        ("management", "决策管理数字化面临需求"),
        ("other", "其他需求"),
    ];

    /// <summary>What 表1 asks and an enterprise file may lack: the team supplies it (企业基本情况 within 500 characters).</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> BasicsFields =
    [
        ("intro", "企业基本情况（500字以内）"),
        ("ownership", "企业性质"),
        ("digitalStaff", "数字化人员数量"),
        ("invested", "已有数字化转型投入（万元）"),
        ("budget", "实施数字化转型拟投入预算（万元）"),
        ("honours", "数字化转型方面获得荣誉"),
        ("directions", "拟实施数字化转型方向"),
    ];

    public static readonly IReadOnlyList<string> Ownerships = ["国有", "民营", "外资", "混合所有制", "其他"];

    /// <summary>拟实施数字化转型方向（可多选）, grouped as in 表1.</summary>
    public static readonly IReadOnlyList<(string Group, IReadOnlyList<string> Options)> Directions =
    [
        ("研发设计类", ["CAD", "CAE", "CAPP", "CAM", "数字孪生"]),
        ("生产制造", ["MES", "APS", "PLM", "PDM"]),
        ("质量管理类", ["QMS", "LIMS"]),
        ("运营管理类", ["ERP", "CRM", "SRM", "SCM", "OA", "BI", "FMIS"]),
        ("仓储物流", ["BOM", "WMS"]),
    ];

    /// <summary>The texts in the template's order (一、（四）'s four parts, 二、（一）-（三）, 三、（一）-（三））.</summary>
    public static readonly IReadOnlyList<ReportText> Texts =
        [Profile, Organisation, Production, Automation, Systems, Data, Cloud, LevelSummary, Foundation, Operations, Management, Outcomes,
         PainPoints, TopDesign, BuildPlan, Projects];

    public static readonly IReadOnlyList<ReportTable> Tables = [Equipment, SystemList, DataResources, CloudUse, ProjectList, Recommendations];

    public static ReportTable? Table(string key) => Tables.FirstOrDefault(t => t.Key == key);
}
