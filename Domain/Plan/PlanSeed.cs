using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Domain.Plan;

/// <summary>
/// The plan 穗工信函〔2024〕288号 encoded from its text (shared/seeds/004_…txt). Versioned: raise
/// <see cref="Version"/> when adding rows; the seeder inserts only rows that are missing and never
/// overwrites a row that exists, so an edit made in the app survives.
/// </summary>
public static class PlanSeed
{
    public const string Name = "plan-2024-288";
    public const int Version = 2;

    public static PlanDocument Document => new()
    {
        Id = 1,
        DocumentNumber = "穗工信函〔2024〕288号",
        Title = "广州市关于加快生物制造产业高质量发展的工作方案",
        Issuer = "广州市工业和信息化局",
        IssuedOn = new DateOnly(2024, 10, 28),
        HorizonYear = 2027,
    };

    public const string AllDistricts = "districts";

    /// <summary>Units under their full names; the plan's short forms (发展改革委, 科技局 …) are normalized to these.</summary>
    public static IReadOnlyList<Unit> Units =>
    [
        U("gxj", "市工业和信息化局", 1),
        U("fgw", "市发展改革委", 2),
        U("kjj", "市科技局", 3),
        U("nyncj", "市农业农村局", 4),
        U("ghzyj", "市规划和自然资源局", 5),
        U("scjgj", "市市场监管局", 6),
        U("swj", "市商务局", 7),
        U("jrb", "市委金融办", 8),
        U("czj", "市财政局", 9),
        U("gzw", "市国资委", 10),
        U("zzb", "市委组织部", 11),
        U("rsj", "市人力资源社会保障局", 12),
        new Unit { Code = AllDistricts, Name = "各区政府", Kind = UnitKind.AllDistrictGovernments, SortOrder = 13 },
    ];

    /// <summary>GB/T 2260 codes.</summary>
    public static IReadOnlyList<District> Districts =>
    [
        D("440103", "荔湾区", 1),
        D("440104", "越秀区", 2),
        D("440105", "海珠区", 3),
        D("440106", "天河区", 4),
        D("440111", "白云区", 5),
        D("440112", "黄埔区", 6),
        D("440113", "番禺区", 7),
        D("440114", "花都区", 8),
        D("440115", "南沙区", 9),
        D("440117", "从化区", 10),
        D("440118", "增城区", 11),
    ];

    public static IReadOnlyList<KeyArea> KeyAreas =>
    [
        A(1, "生物医药", "围绕基因编辑、生物信息学等关键领域，以合成生物学、人工智能等颠覆性技术赋能传统医药产业，重点推进抗体药物、疫苗药物、核酸药物、细胞与基因治疗、重组蛋白与多肽产业化进程，着力推进生物创新药、生物类似药、生物基原料药等规模化发展。", "gxj", "fgw"),
        A(2, "生物材料", "鼓励通过设计微生物和酶法高效合成路线，建立生物基化学品的绿色生物制造新工艺。重点推进可降解塑料、电子材料、功能材料等生物材料的产品迭代，着力推进日用化学品、助剂、表面活性剂等精细化学品的生物法替代。", "gxj", "fgw"),
        A(3, "生物食品", "利用可再生原料，通过微生物细胞工厂合成食物原料和组分。重点开发功能油脂、乳蛋白、植物蛋白、微生物蛋白、益生菌、香精香料、生物活性肽等高端食品配料，大力发展功能饮料，开展微生物蛋白、人造肉等技术的源头创新和科技攻关。", "gxj"),
        A(4, "生物健康", "开发微生物和酶法高效合成路线，推动高端化妆品原料、再生医学产品、保健品等产业化和应用推广。", "gxj"),
        A(5, "生物农业", "围绕生物育种、生物饲料、生物肥料、生物兽药及疫苗、微生物农药等领域，推动绿色农业产品研发与产业化。", "nyncj"),
    ];

    public static IReadOnlyList<WorkItem> WorkItems =>
    [
        W(WorkItemKind.Task, 1, "组建生物制造（合成生物学）创新中心",
            "组建广州市生物制造创新中心，实现高端智库、项目孵化、技术输出等核心功能；积极争取国家级创新平台和试点示范；搭建菌种库、元件库等合成生物产业基础设施，开展人才网络搭建、技术合作、概念验证、科技成果转化等工作。",
            P("组建生物制造创新中心", ["gxj", "kjj", "fgw"], [])),
        W(WorkItemKind.Task, 2, "布局生物制造中试平台体系",
            "搭建生物医药、生物材料、生物食品、生物健康、生物农业等领域中试平台和成果转化平台，推动认定一批生物制造领域概念验证中心，打造一批示范应用场景。",
            P("中试平台、概念验证中心和示范应用场景", ["gxj", "fgw"], ["kjj", "nyncj"])),
        W(WorkItemKind.Task, 3, "夯实产业基础设施",
            "建设国内规模最大的菌种库、元件库；开展高效酶制剂和底盘细胞攻关；鼓励支持底盘细胞及核心功能元件的设计构建。",
            P("菌种库、元件库、酶制剂和底盘细胞", ["kjj"], ["fgw", "gxj", "nyncj"])),
        W(WorkItemKind.Task, 4, "加强产业载体建设",
            "支持有条件的区建设生物制造、合成生物产业园；支持黄埔区打造广州生物制造创新引领核心区，规划建设1个生物制造产业园区；支持南沙区依托南沙科学城、生物谷、健康谷、珠江创新谷等载体重点布局。",
            P("生物制造、合成生物产业园和核心区", ["gxj", "fgw"], ["ghzyj"])),
        W(WorkItemKind.Task, 5, "谋划重点产业项目",
            "在生物医药、生物食品、生物健康、生物材料、生物农业等领域谋划建设一批重点产业项目；培育一批高新技术企业、“独角兽”企业、“瞪羚”企业、“专精特新”企业和制造业“单项冠军”企业。",
            P("重点产业项目和企业培育", ["gxj", "fgw", "kjj"], ["scjgj"])),
        W(WorkItemKind.Task, 6, "营造良好产业生态",
            "深化开放交流协作，促进国际先进技术成果转移；积极开展产业对接活动；支持社会组织为生物制造、合成生物优质产品开展宣传推广和需求对接等服务。",
            P("开放合作、产业对接和宣传推广", ["kjj", "gxj", "fgw"], ["scjgj", "swj", "nyncj"])),
        W(WorkItemKind.Measure, 1, "强化组织领导",
            "建立市级生物制造产业发展协调机制，加强市、区联动和部门协同，协调解决生物制造产业发展重大问题，探索制定专项扶持政策。",
            P("市级生物制造产业发展协调机制", ["gxj", "fgw"], [])),
        W(WorkItemKind.Measure, 2, "加强财政金融支持",
            "加大市级相关专项资金支持力度，重点支持技术改造、技术创新、中试平台、概念验证和产品推广应用；引导市工业发展基金、市属国企产业投资平台和社会资本加大投资，推动企业上市。",
            P("专项资金和产业投资", ["gxj", "fgw", "kjj"], ["jrb", "czj", "gzw"])),
        W(WorkItemKind.Measure, 3, "加强产业用地保障",
            "市、区两级联动在合适地块规划建设特色产业园、特色标杆工业园，建立重点企业用地需求清单，优先保障产业集群重点项目用地指标。",
            P("产业用地和用地需求清单", ["gxj", "fgw", AllDistricts], ["ghzyj"])),
        W(WorkItemKind.Measure, 4, "加强产业人才保障",
            "加大外籍“高精尖缺”人才引进力度，遴选和支持一批领军科技人才和急需紧缺人才；组建生物制造专家委员会，为产业发展提供决策参考和智力支持。",
            P("人才引进和领军人才、急需紧缺人才支持", ["kjj"], ["zzb", "rsj", "czj", "gzw", "gxj"]),
            P("组建生物制造专家委员会", ["gxj", "fgw", "kjj"], ["zzb", "rsj"])),
    ];

    public static IReadOnlyList<Indicator> Indicators =>
    [
        I(1, "bio_firms", "生物制造企业数", "家", Aggregation.Sum),
        I(2, "output_value", "生物制造产业产值", "亿元", Aggregation.Sum),
        I(3, "leading_firm_candidates", "创新引领型企业培育对象", "家", Aggregation.DistinctCount, RosterKind.LeadingFirm, cumulative: false),
        I(4, "leading_firms", "创新引领型企业（已认定）", "家", Aggregation.DistinctCount, RosterKind.LeadingFirm, status: "已认定", cumulative: true),
        I(5, "industrial_bases", "特色产业基地（已建成）", "个", Aggregation.DistinctCount, RosterKind.IndustrialBase, status: "已建成", cumulative: true),
        I(6, "strains", "菌种库保藏菌种数", "株", Aggregation.Sum, cumulative: true),
        I(7, "parts", "元件库元件数", "个", Aggregation.Sum, cumulative: true),
        I(8, "pilot_platforms", "中试平台", "个", Aggregation.DistinctCount, RosterKind.Platform, category: "中试平台", cumulative: true),
        I(9, "poc_centres", "概念验证中心", "个", Aggregation.DistinctCount, RosterKind.Platform, category: "概念验证中心", cumulative: true),
        I(10, "demo_scenarios", "示范应用场景", "个", Aggregation.DistinctCount, RosterKind.Platform, category: "示范场景", cumulative: true),
        I(11, "key_projects", "重点产业项目", "个", Aggregation.DistinctCount, RosterKind.KeyProject),
        I(12, "financing", "生物制造企业融资额（当季）", "亿元", Aggregation.Sum),
        I(13, "talent", "引进领军人才和急需紧缺人才（当季）", "人", Aggregation.Sum),
    ];

    /// <summary>
    /// The four targets of 一、工作目标, each with the work item that delivers it: firms by 三(五) (培育一批…企业),
    /// bases by 三(四) (产业载体), the libraries by 三(三) (建设…菌种库、元件库), the cluster by 四(一) (协调机制). The plan gives no baselines; the two counted targets start at 0
    /// because the plan sets out to cultivate and build them. Milestones of the qualitative targets are
    /// the initial breakdown and can be changed by the coordination office.
    /// </summary>
    public static IReadOnlyList<Target> Targets =>
    [
        new()
        {
            Code = "target-1", No = 1, Name = "创新引领型企业", Kind = TargetKind.Numeric,
            Text = "培育10家以上在国内外具有一定影响力的创新引领型企业",
            IndicatorCode = "leading_firms", Baseline = 0, TargetValue = 10, Comparison = "≥", DeliveredByCode = "task-5",
        },
        new()
        {
            Code = "target-2", No = 2, Name = "特色产业基地", Kind = TargetKind.Numeric,
            Text = "建设2个左右具有特色和国内领先优势的产业基地",
            IndicatorCode = "industrial_bases", Baseline = 0, TargetValue = 2, Comparison = "约", DeliveredByCode = "task-4",
        },
        new()
        {
            Code = "target-3", No = 3, Name = "菌种库、元件库", Kind = TargetKind.Qualitative,
            Text = "建设全国规模最大的菌种库、元件库",
            IndicatorCode = "strains", DeliveredByCode = "task-3",
            Milestones =
            [
                M("target-3", 1, "菌种库、元件库建设方案确定，承建单位落实", new Period(2025, 2)),
                M("target-3", 2, "菌种库、元件库建成并对外提供服务", new Period(2026, 2)),
                M("target-3", 3, "保藏菌种和元件规模居全国首位", new Period(2027, 4)),
            ],
        },
        new()
        {
            Code = "target-4", No = 4, Name = "具有全国竞争力的生物制造产业集群", Kind = TargetKind.Qualitative,
            Text = "生物制造产业发展初具规模，产业生态基本形成，初步形成具有全国竞争力的生物制造产业集群",
            IndicatorCode = "output_value", DeliveredByCode = "measure-1",
            Milestones =
            [
                M("target-4", 1, "建立市级生物制造产业发展协调机制", new Period(2024, 4)),
                M("target-4", 2, "组建广州市生物制造创新中心", new Period(2025, 4)),
                M("target-4", 3, "产业生态基本形成，集群初具规模", new Period(2026, 4)),
                M("target-4", 4, "初步形成具有全国竞争力的生物制造产业集群", new Period(2027, 4)),
            ],
        },
    ];

    /// <summary>校验规则 checked on every district upload (version 2 of the seed).</summary>
    public static IReadOnlyList<ValidationRule> ValidationRules =>
    [
        new() { Code = "leading-firms-within-candidates", Left = "leading_firms", Operator = RuleOperator.LessOrEqual, Right = "leading_firm_candidates",
            Message = "已认定的创新引领型企业数不能多于培育对象数（已认定企业也应列为培育对象）" },
        new() { Code = "candidates-within-firms", Left = "leading_firm_candidates", Operator = RuleOperator.LessOrEqual, Right = "bio_firms",
            Message = "创新引领型企业培育对象数不能多于生物制造企业数" },
        .. Indicators.Where(i => i.Cumulative).Select(i => new ValidationRule
        {
            Code = $"{i.Code}-not-falling", Left = i.Code, Operator = RuleOperator.GreaterOrEqual, Right = "prev:" + i.Code,
            Message = $"{i.Name}是累计数，不应比上季度确认值减少",
        }),
    ];

    private static Unit U(string code, string name, int order) => new() { Code = code, Name = name, SortOrder = order };

    private static District D(string code, string name, int order) => new() { Code = code, Name = name, SortOrder = order };

    private static KeyArea A(int no, string name, string text, params string[] leads)
    {
        var code = $"area-{no}";
        return new KeyArea
        {
            Code = code, No = no, Name = name, Text = text,
            Leads = leads.Select((u, i) => new KeyAreaLead { KeyAreaCode = code, UnitCode = u, SortOrder = i }).ToList(),
        };
    }

    private sealed record PartSpec(string Summary, string[] Leads, string[] Supporting);

    private static PartSpec P(string summary, string[] leads, string[] supporting) => new(summary, leads, supporting);

    private static WorkItem W(WorkItemKind kind, int no, string title, string text, params PartSpec[] parts)
    {
        var code = $"{(kind == WorkItemKind.Task ? "task" : "measure")}-{no}";
        return new WorkItem
        {
            Code = code, Kind = kind, No = no, Title = title, Text = text,
            Parts = parts.Select((p, i) => new WorkItemPart
            {
                WorkItemCode = code, PartNo = i + 1, Summary = p.Summary,
                Units = p.Leads.Select((u, j) => new WorkItemPartUnit { UnitCode = u, Role = UnitRole.Lead, SortOrder = j })
                    .Concat(p.Supporting.Select((u, j) => new WorkItemPartUnit { UnitCode = u, Role = UnitRole.Supporting, SortOrder = j }))
                    .ToList(),
            }).ToList(),
        };
    }

    private static Indicator I(int order, string code, string name, string uom, Aggregation aggregation,
        RosterKind? roster = null, string? status = null, string? category = null, bool cumulative = false) => new()
    {
        Code = code, SortOrder = order, Name = name, UnitOfMeasure = uom, Aggregation = aggregation,
        RosterKind = roster, RosterStatus = status, RosterCategory = category, Cumulative = cumulative,
    };

    private static TargetMilestone M(string target, int order, string title, Period due) =>
        new() { TargetCode = target, SortOrder = order, Title = title, Due = due };
}
