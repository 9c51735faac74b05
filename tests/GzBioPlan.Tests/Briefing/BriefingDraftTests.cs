using GzBioPlan.Domain.Briefing;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Tests.Briefing;

/// <summary>The 情况通报's drafted narrative: every figure, red item and open 督办 of the quarter in a sentence.</summary>
public class BriefingDraftTests
{
    private static readonly Period Q = Period.Parse("2026Q3");

    private static readonly TargetFact Cluster = new("生物制造产业集群", Light.Green, false, 2043.4m, "规上工业产值", null, null, "亿元", null, 2, 4, [], "绿");
    private static readonly TargetFact Firms = new("创新引领型企业", Light.Yellow, true, 5, "创新引领型企业", 10, "≥", "家", 11.5m, 0, 0, [], null);
    private static readonly TargetFact Bases = new("特色产业基地", Light.Green, true, 2, "特色产业基地", 2, "约", "个", null, 0, 0, [], null);
    private static readonly TargetFact Library = new("菌种库、元件库", Light.Red, false, 89891, "菌种保藏数", null, null, "株", null, 1, 3, ["库房及信息系统建成"], "黄红");

    private static BriefingFacts Facts(IReadOnlyList<LaggardFact>? red = null, IReadOnlyList<LaggardFact>? yellow = null, IReadOnlyList<OpenItemFact>? open = null,
        IReadOnlyList<MilestoneFact>? next = null, TaskFacts? tasks = null, ReportingFacts? reporting = null) => new(Q,
        [Cluster, Firms, Library], tasks ?? new TaskFacts(8, 0, 2, 1, 10, 63.62m, 66.95m), red ?? [], yellow ?? [], open ?? [], next ?? [],
        reporting ?? new ReportingFacts(11, 9, 7, 81.8m, 72.7m));

    public static TheoryData<string, BriefingFacts, string> OverviewSays => new()
    {
        { "targets by light, none of a light left out", Facts(), "3项2027年工作目标中，1项进度正常、1项滞后、1项严重滞后。" },
        { "tasks, the average of those with a figure", Facts(), "11项主要任务和保障措施中，8项正常、2项严重滞后、1项未报告本季度进展，有进展数据的10项平均完成63.6%（序时进度67%）。" },
        { "every task with a figure", Facts(tasks: new TaskFacts(10, 0, 0, 0, 10, 70m, 66.95m)), "10项主要任务和保障措施中，10项正常，全部任务平均完成70%（序时进度67%）。" },
        { "reporting", Facts(), "全市11个区中9个区已报送本季度数据、2个区未报送，7个区已经协调办确认，报送完整率81.8%，及时率72.7%。" },
        { "nobody reported", Facts(reporting: new ReportingFacts(11, 0, 0, 0, 0)), "全市11个区均未报送本季度数据。" },
        { "everybody reported", Facts(reporting: new ReportingFacts(11, 11, 0, 100, 90.9m)), "全市11个区均已报送本季度数据，尚待协调办确认，报送完整率100%，及时率90.9%。" },
        { "no 督办", Facts(), "目前没有未销号的督办事项。" },
        { "督办 none overdue", Facts(open: [new(8, "首批项目入园", "黄埔区", new DateOnly(2027, 1, 31), "一般", false)]), "目前有1项督办事项未销号，均在办理期限内。" },
    };

    [Theory, MemberData(nameof(OverviewSays))]
    public void The_overview_gives_the_figures(string what, BriefingFacts facts, string sentence)
    {
        var text = BriefingDraft.Write(facts).Overview;
        Assert.True(text.Contains(sentence), $"{what}: {text}");
        Assert.DoesNotContain("0项", text.Replace("10项", ""));
    }

    [Fact]
    public void Progress_tells_a_numeric_target_by_its_trajectory_and_a_qualitative_one_by_its_milestones()
    {
        var text = BriefingDraft.Write(Facts() with { Targets = [Cluster, Bases] }).Progress;
        Assert.Contains("（一）工作目标。生物制造产业集群完成里程碑2/4，规上工业产值2,043.4亿元，按期推进；特色产业基地达到2个（2027年目标约2个），达到序时进度。", text);
        Assert.Contains("生物制造产业集群研判为「绿」", text);
    }

    public static TheoryData<string, TaskFacts, string> TasksSay => new()
    {
        { "on track", new TaskFacts(8, 0, 2, 0, 10, 63.62m, 66.95m), "（二）主要任务。8项任务按序时推进，全部任务平均完成63.6%（序时进度67%）。" },
        { "none reported yet", new TaskFacts(0, 0, 0, 8, 2, 71.25m, 70m), "（二）主要任务。本季度尚无任务按序时推进，8项尚未报告本季度进展，有进展数据的2项平均完成71.3%（序时进度70%）。" },
    };

    [Theory, MemberData(nameof(TasksSay))]
    public void Progress_of_the_tasks(string what, TaskFacts tasks, string sentence)
    {
        var text = BriefingDraft.Write(Facts(tasks: tasks)).Progress;
        Assert.True(text.Contains(sentence), $"{what}: {text}");
    }

    [Fact]
    public void Every_red_item_is_named_with_who_answers_for_it_one_lapse_by_many_is_one_sentence_and_the_yellow_ones_follow()
    {
        var red = new List<LaggardFact>
        {
            new("任务滞后", "三（三）夯实产业基础设施", "市科技局", "落后 24.2 个百分点"),
            new("报送缺报或逾期", "2026年第3季度报表", "荔湾区", "截止日已过，未报送"),
            new("报送缺报或逾期", "2026年第3季度报表", "越秀区", "截止日已过，未报送"),
        };
        var yellow = new List<LaggardFact>
        {
            new("分解任务滞后", "三（三）元件库建设", "市科技局", "进展 63.8%，序时进度 86.6%，落后 22.8 个百分点"),
            new("未报告进展", "三（一）组建创新中心", "市科技局", "本季度未报告进展"),
            new("未报告进展", "三（一）组建创新中心", "市发展改革委", "本季度未报告进展"),
        };
        var text = BriefingDraft.Write(Facts(red, yellow)).Problems;
        Assert.Contains("（一）目标进度。创新引领型企业达到5家（2027年目标≥10家），落后序时进度11.5个百分点（滞后）；菌种库、元件库完成里程碑1/3，菌种保藏数89,891株，里程碑「库房及信息系统建成」已逾期（严重滞后）。", text);
        Assert.Contains("（二）严重滞后事项。本季度共有3项严重滞后，分2个方面：", text);
        Assert.Contains("1. 三（三）夯实产业基础设施（任务滞后）。落后24.2个百分点，责任单位为市科技局。", text);
        Assert.Contains("2. 2026年第3季度报表（报送缺报或逾期，2项）。截止日已过，未报送，责任单位为荔湾区、越秀区。", text);
        Assert.Contains("（三）滞后事项。另有3项滞后：三（三）元件库建设（分解任务滞后：进展63.8%，序时进度86.6%，落后22.8个百分点，责任单位为市科技局）；三（一）组建创新中心（未报告进展：本季度未报告进展，责任单位为市科技局、市发展改革委）。", text);
    }

    [Fact]
    public void Nothing_behind_is_said_plainly()
    {
        var facts = Facts() with { Targets = [Cluster] };
        Assert.Equal("本季度没有滞后的事项。", BriefingDraft.Write(facts).Problems);
    }

    [Fact]
    public void Next_steps_list_every_open_item_the_milestones_ahead_and_the_reports_still_missing()
    {
        var open = new List<OpenItemFact> { new(7, "菌种库建设滞后", "市科技局", new DateOnly(2026, 11, 25), "紧急", true), new(8, "首批项目入园", "黄埔区", new DateOnly(2027, 1, 31), "一般", false) };
        var next = new List<MilestoneFact> { new("生物制造产业集群", "集群初具规模", Period.Parse("2026Q4"), "市工业和信息化局") };
        var draft = BriefingDraft.Write(Facts(open: open, next: next));
        Assert.Contains("1. 菌种库建设滞后（紧急，承办：市科技局，办理期限2026年11月25日，已逾期）。", draft.NextSteps);
        Assert.Contains("2. 首批项目入园（一般，承办：黄埔区，办理期限2027年1月31日）。", draft.NextSteps);
        Assert.Contains("1. 生物制造产业集群：集群初具规模，应于2026年第4季度完成，由市工业和信息化局负责。", draft.NextSteps);
        Assert.Contains("（三）做好季度报送。尚未报送2026年第3季度数据的2个区尽快补报；各区按报送日历按时报送2026年第4季度数据", draft.NextSteps);
        Assert.Contains("目前有2项督办事项未销号，其中1项已超过办理期限。", draft.Overview);
    }
}
