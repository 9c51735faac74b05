using System.Globalization;
using System.Text;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Domain.Briefing;

/// <summary>
/// A 2027 target as the briefing tells it: its light, where it stands, how far behind, the office's 研判. A numeric target
/// is judged against 序时进度; a qualitative one by its milestones (<paramref name="Measure"/> names the figure it shows, if any).
/// </summary>
public sealed record TargetFact(string Name, Light Light, bool Numeric, decimal? Actual, string? Measure, decimal? Goal, string? Comparison, string? Unit,
    decimal? PointsBehind, int MilestonesReached, int Milestones, IReadOnlyList<string> OverdueMilestones, string? Judgement);

/// <summary>The tasks' lights and average progress (of the <paramref name="Measured"/> tasks with a figure) against the expected.</summary>
public sealed record TaskFacts(int Green, int Yellow, int Red, int NotReported, int Measured, decimal? AverageProgress, decimal AverageExpected)
{
    public int Total => Green + Yellow + Red + NotReported;
}

/// <summary>A row of 每季度调度 behind (red or yellow): what it is, who answers for it, and why (for a red one, what made it red).</summary>
public sealed record LaggardFact(string Kind, string Item, string Responsible, string Why);

/// <summary>An open 督办 item.</summary>
public sealed record OpenItemFact(long Id, string Title, string Addressee, DateOnly Due, string Level, bool Overdue);

/// <summary>A milestone not yet reached, due in the quarters ahead.</summary>
public sealed record MilestoneFact(string Of, string Title, Period Due, string Responsible);

public sealed record ReportingFacts(int Expected, int Submitted, int Accepted, decimal? CompletenessRate, decimal? TimelinessRate);

/// <summary>Everything the draft is written from, read from the quarter's data.</summary>
public sealed record BriefingFacts(Period Period, IReadOnlyList<TargetFact> Targets, TaskFacts Tasks, IReadOnlyList<LaggardFact> Red, IReadOnlyList<LaggardFact> Yellow,
    IReadOnlyList<OpenItemFact> OpenItems, IReadOnlyList<MilestoneFact> NextMilestones, ReportingFacts Reporting);

/// <summary>The four sections of a 情况通报; paragraphs are separated by line breaks, a paragraph starting 「（一）」 is a sub-heading.</summary>
public sealed record BriefingText(string Overview, string Progress, string Problems, string NextSteps);

/// <summary>
/// Drafts the 情况通报's narrative in plain Chinese sentences with the figures; the office edits it before saving. Counts of
/// nothing are left out, percentages have one decimal, and figures sit against the words as in a 公文 (no spaces).
/// </summary>
public static partial class BriefingDraft
{
    public static BriefingText Write(BriefingFacts f) => new(Tight(Overview(f)), Tight(Progress(f)), Tight(Problems(f)), Tight(NextSteps(f)));

    private static string Overview(BriefingFacts f)
    {
        var t = f.Targets;
        var text = new StringBuilder();
        text.Append($"截至{f.Period.Label}，方案确定的{t.Count}项2027年工作目标中，")
            .Append(Counts((t.Count(x => x.Light == Light.Green), "项进度正常"), (t.Count(x => x.Light == Light.Yellow), "项滞后"),
                (t.Count(x => x.Light == Light.Red), "项严重滞后"), (t.Count(x => x.Light == Light.None), "项尚无数据"))).Append("。");
        var k = f.Tasks;
        text.Append($"{k.Total}项主要任务和保障措施中，")
            .Append(Counts((k.Green, "项正常"), (k.Yellow, "项滞后"), (k.Red, "项严重滞后"), (k.NotReported, "项未报告本季度进展")))
            .Append(Average(k)).Append("。");
        var r = f.Reporting;
        text.Append('\n').Append(r.Submitted == 0 ? $"全市{r.Expected}个区均未报送本季度数据。"
            : (r.Submitted >= r.Expected ? $"全市{r.Expected}个区均已报送本季度数据" : $"全市{r.Expected}个区中{r.Submitted}个区已报送本季度数据、{r.Expected - r.Submitted}个区未报送")
              + (r.Accepted > 0 ? $"，{r.Accepted}个区已经协调办确认" : "，尚待协调办确认")
              + (r.CompletenessRate is { } c ? $"，报送完整率{Pct(c)}" : "") + (r.TimelinessRate is { } s ? $"，及时率{Pct(s)}" : "") + "。");
        var overdue = f.OpenItems.Count(o => o.Overdue);
        text.Append(f.OpenItems.Count == 0 ? "目前没有未销号的督办事项。"
            : $"目前有{f.OpenItems.Count}项督办事项未销号" + (overdue > 0 ? $"，其中{overdue}项已超过办理期限。" : "，均在办理期限内。"));
        return text.ToString();
    }

    private static string Progress(BriefingFacts f)
    {
        var lines = new List<string>();
        var ahead = f.Targets.Where(t => t.Light == Light.Green).ToList();
        lines.Add(ahead.Count > 0
            ? "（一）工作目标。" + string.Join("；", ahead.Select(t => Standing(t) + (t.Numeric ? "，达到序时进度" : "，按期推进"))) + "。"
            : "（一）工作目标。本季度尚无工作目标达到序时进度。");
        var k = f.Tasks;
        lines.Add("（二）主要任务。" + (k.Green > 0 ? $"{k.Green}项任务按序时推进" : "本季度尚无任务按序时推进")
            + (k.NotReported > 0 ? $"，{k.NotReported}项尚未报告本季度进展" : "") + Average(k) + "。");
        var judged = f.Targets.Where(t => t.Judgement is not null).ToList();
        if (judged.Count > 0)
            lines.Add($"（三）研判情况。协调办对{judged.Count}项目标作了研判：" + string.Join("；", judged.Select(t => $"{t.Name}研判为「{t.Judgement}」")) + "。");
        return string.Join("\n", lines);
    }

    private static string Problems(BriefingFacts f)
    {
        var lines = new List<string>();
        var behind = f.Targets.Where(t => t.Light is Light.Yellow or Light.Red).ToList();
        if (behind.Count > 0)
            lines.Add("（一）目标进度。" + string.Join("；", behind.Select(t => Standing(t) + Behind(t) + $"（{t.Light.Word()}）")) + "。");
        string Next() => ChineseNumerals.Of(lines.Count(l => l.StartsWith('（')) + 1);
        if (f.Red.Count > 0)
        {
            var grouped = Grouped(f.Red);
            lines.Add($"（{Next()}）严重滞后事项。本季度共有{f.Red.Count}项严重滞后" + (grouped.Count < f.Red.Count ? $"，分{grouped.Count}个方面" : "") + "：");
            lines.AddRange(grouped.Select((r, i) => $"{i + 1}. {r.Item}（{r.Kind}{(r.Count > 1 ? $"，{r.Count}项" : "")}）。{r.Why}，责任单位为{r.Who}。"));
        }
        if (f.Yellow.Count > 0)
            lines.Add($"（{Next()}）滞后事项。另有{f.Yellow.Count}项滞后：" + string.Join("；", Grouped(f.Yellow).Select(y => $"{y.Item}（{y.Kind}：{y.Why}，责任单位为{y.Who}）")) + "。");
        if (f.Red.Count == 0 && f.Yellow.Count == 0)
            lines.Add(lines.Count == 0 ? "本季度没有滞后的事项。" : "本季度没有其他滞后的事项。");
        return string.Join("\n", lines);
    }

    private static string NextSteps(BriefingFacts f)
    {
        var lines = new List<string>();
        if (f.OpenItems.Count > 0)
        {
            lines.Add($"（一）抓好督办落实。{f.OpenItems.Count}项督办事项尚未销号，请承办单位按期办结：");
            lines.AddRange(f.OpenItems.Select((o, i) =>
                $"{i + 1}. {o.Title}（{o.Level}，承办：{o.Addressee}，办理期限{o.Due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}{(o.Overdue ? "，已逾期" : "")}）。"));
        }
        else
            lines.Add("（一）抓好督办落实。目前没有未销号的督办事项，对新出现的严重滞后事项及时立项督办。");
        if (f.NextMilestones.Count > 0)
        {
            lines.Add("（二）推进下阶段里程碑。");
            lines.AddRange(f.NextMilestones.Select((m, i) => $"{i + 1}. {m.Of}：{m.Title}，应于{m.Due.Label}完成，由{m.Responsible}负责。"));
        }
        else
            lines.Add("（二）推进下阶段里程碑。未来两个季度没有到期的里程碑。");
        var r = f.Reporting;
        lines.Add("（三）做好季度报送。" + (r.Submitted < r.Expected ? $"尚未报送{f.Period.Label}数据的{r.Expected - r.Submitted}个区尽快补报；" : "")
            + $"各区按报送日历按时报送{f.Period.Next.Label}数据，协调办及时审核确认。");
        return string.Join("\n", lines);
    }

    /// <summary>The same lapse by several parties (eleven districts missing one report) is one sentence naming them all.</summary>
    private static List<(string Kind, string Item, string Why, string Who, int Count)> Grouped(IEnumerable<LaggardFact> rows) =>
        rows.GroupBy(r => (r.Kind, r.Item, r.Why)).Select(g => (g.Key.Kind, g.Key.Item, g.Key.Why, string.Join("、", g.Select(r => r.Responsible).Distinct()), g.Count())).ToList();

    /// <summary>Where a target stands: a numeric one by its figure and goal, a qualitative one by its milestones (and its figure, if it has one).</summary>
    private static string Standing(TargetFact t)
    {
        if (!t.Numeric)
            return t.Name + (t.Milestones > 0 ? $"完成里程碑{t.MilestonesReached}/{t.Milestones}" : "")
                + (t.Actual is { } v ? $"{(t.Milestones > 0 ? "，" : "")}{t.Measure ?? "现有"}{Num(v)}{t.Unit}" : "");
        return t.Name + (t.Actual is { } a ? $"达到{Num(a)}{t.Unit}" : "尚无本季度数据") + (t.Goal is { } g ? $"（2027年目标{t.Comparison}{Num(g)}{t.Unit}）" : "");
    }

    /// <summary>Why a target is behind: the points behind 序时进度, and the milestones overdue.</summary>
    private static string Behind(TargetFact t) =>
        (t.PointsBehind is { } p && t.Numeric ? $"，落后序时进度{Num(p)}个百分点" : "")
        + (t.OverdueMilestones.Count > 0 ? $"，里程碑{string.Join("", t.OverdueMilestones.Select(m => $"「{m}」"))}已逾期" : "");

    private static string Average(TaskFacts k) => k.AverageProgress is not { } avg ? ""
        : $"，{(k.Measured < k.Total ? $"有进展数据的{k.Measured}项" : "全部任务")}平均完成{Pct(avg)}（序时进度{Pct(k.AverageExpected)}）";

    /// <summary>「8项正常、2项严重滞后」: the parts that count something, in order.</summary>
    private static string Counts(params (int N, string What)[] parts) =>
        string.Join("、", parts.Where(p => p.N > 0).Select(p => $"{p.N}{p.What}")) is { Length: > 0 } said ? said : "尚无数据";

    private static string Num(decimal d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Pct(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Sentences taken from elsewhere (每季度调度's reasons) space their figures as the pages do; a 公文 does not.</summary>
    private static string Tight(string text) => Spaces().Replace(text, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])[ \t]+(?=[0-9])|(?<=[0-9%])[ \t]+(?=[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF])")]
    private static partial System.Text.RegularExpressions.Regex Spaces();
}
