using GzBioPlan.Domain.Briefing;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Tests.Briefing;

/// <summary>The 情况通报's drafted narrative: every figure, red item and open 督办 of the quarter in a sentence.</summary>
public class BriefingDraftTests
{
    private static readonly Period Q = Period.Parse("2026Q3");

    private static BriefingFacts Facts(IReadOnlyList<RedFact>? red = null, IReadOnlyList<OpenItemFact>? open = null, IReadOnlyList<MilestoneFact>? next = null) => new(Q,
        [
            new("生物制造产业集群", Light.Green, 2043.4m, 2500m, "≥", "亿元", null, "绿"),
            new("创新引领型企业", Light.Yellow, 5, 10, "≥", "家", 11.5m, null),
            new("菌种库、元件库", Light.Red, 89891, null, null, "株", null, "黄红"),
        ],
        new TaskFacts(8, 0, 2, 1, 63.62m, 66.95m), red ?? [], open ?? [], next ?? [], new ReportingFacts(11, 9, 7, 81.8m, 72.7m));

    public static TheoryData<string, string> OverviewSays => new()
    {
        { "targets and lights", "3 项 2027 年工作目标中，1 项进度正常，1 项滞后，1 项严重滞后" },
        { "tasks and progress", "11 项主要任务和保障措施中，8 项正常、0 项滞后、2 项严重滞后、1 项未报告进展，平均完成 63.62%（序时进度 66.95%）" },
        { "reporting", "11 个区中 9 个区已报送本季度数据、7 个区已经协调办确认，报送完整率 81.8%，及时率 72.7%" },
        { "no 督办", "目前没有未销号的督办事项" },
    };

    [Theory, MemberData(nameof(OverviewSays))]
    public void The_overview_gives_the_figures(string what, string sentence) =>
        Assert.True(BriefingDraft.Write(Facts()).Overview.Contains(sentence), $"{what}: {BriefingDraft.Write(Facts()).Overview}");

    [Fact]
    public void Progress_names_the_targets_on_track_with_their_figures_and_the_judgements()
    {
        var text = BriefingDraft.Write(Facts()).Progress;
        Assert.Contains("（一）工作目标。生物制造产业集群达到 2,043.4亿元（2027年目标≥2,500亿元），达到序时进度。", text);
        Assert.Contains("生物制造产业集群研判为「绿」；菌种库、元件库研判为「黄红」", text);
    }

    [Fact]
    public void Every_red_item_is_named_with_who_answers_for_it_and_one_lapse_by_many_is_one_sentence()
    {
        var red = new List<RedFact>
        {
            new("任务滞后", "三（三）夯实产业基础设施", "市科技局", "落后 24.2 个百分点"),
            new("报送缺报或逾期", "2026年第3季度季度报表", "荔湾区", "截止日已过，未报送"),
            new("报送缺报或逾期", "2026年第3季度季度报表", "越秀区", "截止日已过，未报送"),
        };
        var text = BriefingDraft.Write(Facts(red)).Problems;
        Assert.Contains("创新引领型企业达到 5家（2027年目标≥10家），落后序时进度 11.5 个百分点（滞后）", text);
        Assert.Contains("本季度共有 3 项严重滞后", text);
        Assert.Contains("1. 三（三）夯实产业基础设施（任务滞后）：落后 24.2 个百分点，责任单位为市科技局。", text);
        Assert.Contains("2. 2026年第3季度季度报表（报送缺报或逾期，2 项）：截止日已过，未报送，责任单位为荔湾区、越秀区。", text);
    }

    [Fact]
    public void Nothing_red_is_said_plainly()
    {
        var facts = Facts() with { Targets = [new("生物制造产业集群", Light.Green, 2043.4m, 2500m, "≥", "亿元", null, null)] };
        Assert.Equal("本季度没有严重滞后的事项。", BriefingDraft.Write(facts).Problems);
    }

    [Fact]
    public void Next_steps_list_every_open_item_and_the_milestones_ahead()
    {
        var open = new List<OpenItemFact> { new(7, "菌种库建设滞后", "市科技局", new DateOnly(2026, 11, 25), "紧急", true), new(8, "首批项目入园", "黄埔区", new DateOnly(2027, 1, 31), "一般", false) };
        var next = new List<MilestoneFact> { new("生物制造产业集群", "集群初具规模", Period.Parse("2026Q4"), "市工业和信息化局") };
        var draft = BriefingDraft.Write(Facts(open: open, next: next));
        Assert.Contains("1. 菌种库建设滞后（紧急，承办：市科技局，办理期限 2026年11月25日，已逾期）。", draft.NextSteps);
        Assert.Contains("2. 首批项目入园（一般，承办：黄埔区，办理期限 2027年1月31日）。", draft.NextSteps);
        Assert.Contains("1. 生物制造产业集群：集群初具规模，应于2026年第4季度完成，由市工业和信息化局负责。", draft.NextSteps);
        Assert.Contains("报送2026年第4季度数据", draft.NextSteps);
        Assert.Contains("目前有 2 项督办事项未销号，其中 1 项已超过办理期限。", draft.Overview);
    }
}
