using System.Globalization;
using System.Text;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Domain.Briefing;

/// <summary>A 2027 target as the briefing tells it: its light, where it stands, how far behind, the office's 研判.</summary>
public sealed record TargetFact(string Name, Light Light, decimal? Actual, decimal? Goal, string? Comparison, string? Unit, decimal? PointsBehind, string? Judgement);

/// <summary>The tasks' lights and average progress against the expected.</summary>
public sealed record TaskFacts(int Green, int Yellow, int Red, int NotReported, decimal? AverageProgress, decimal AverageExpected)
{
    public int Total => Green + Yellow + Red + NotReported;
}

/// <summary>A red row of 每季度调度: what it is, who answers for it, and what made it red.</summary>
public sealed record RedFact(string Kind, string Item, string Responsible, string Why);

/// <summary>An open 督办 item.</summary>
public sealed record OpenItemFact(long Id, string Title, string Addressee, DateOnly Due, string Level, bool Overdue);

/// <summary>A milestone not yet reached, due in the quarters ahead.</summary>
public sealed record MilestoneFact(string Of, string Title, Period Due, string Responsible);

public sealed record ReportingFacts(int Expected, int Submitted, int Accepted, decimal? CompletenessRate, decimal? TimelinessRate);

/// <summary>Everything the draft is written from, read from the quarter's data.</summary>
public sealed record BriefingFacts(Period Period, IReadOnlyList<TargetFact> Targets, TaskFacts Tasks, IReadOnlyList<RedFact> Red,
    IReadOnlyList<OpenItemFact> OpenItems, IReadOnlyList<MilestoneFact> NextMilestones, ReportingFacts Reporting);

/// <summary>The four sections of a 情况通报; paragraphs are separated by line breaks, a paragraph starting 「（一）」 is a sub-heading.</summary>
public sealed record BriefingText(string Overview, string Progress, string Problems, string NextSteps);

/// <summary>Drafts the 情况通报's narrative in plain Chinese sentences with the figures; the office edits it before saving.</summary>
public static class BriefingDraft
{
    public static BriefingText Write(BriefingFacts f) => new(Overview(f), Progress(f), Problems(f), NextSteps(f));

    private static string Overview(BriefingFacts f)
    {
        var t = f.Targets;
        var text = new StringBuilder();
        text.Append($"截至{f.Period.Label}，方案确定的 {t.Count} 项 2027 年工作目标中，")
            .Append($"{t.Count(x => x.Light == Light.Green)} 项进度正常，{t.Count(x => x.Light == Light.Yellow)} 项滞后，{t.Count(x => x.Light == Light.Red)} 项严重滞后");
        var none = t.Count(x => x.Light == Light.None);
        if (none > 0) text.Append($"，{none} 项尚无数据");
        text.Append("。");
        var k = f.Tasks;
        text.Append($"{k.Total} 项主要任务和保障措施中，{k.Green} 项正常、{k.Yellow} 项滞后、{k.Red} 项严重滞后");
        if (k.NotReported > 0) text.Append($"、{k.NotReported} 项未报告进展");
        text.Append(k.AverageProgress is { } avg ? $"，平均完成 {Num(avg)}%（序时进度 {Num(k.AverageExpected)}%）。" : "。");
        var r = f.Reporting;
        text.Append($"\n全市 {r.Expected} 个区中 {r.Submitted} 个区已报送本季度数据、{r.Accepted} 个区已经协调办确认");
        text.Append(r.CompletenessRate is { } c ? $"，报送完整率 {Num(c)}%" : "").Append(r.TimelinessRate is { } s ? $"，及时率 {Num(s)}%" : "").Append("。");
        text.Append(f.OpenItems.Count == 0 ? "目前没有未销号的督办事项。" : $"目前有 {f.OpenItems.Count} 项督办事项未销号，其中 {f.OpenItems.Count(o => o.Overdue)} 项已超过办理期限。");
        return text.ToString();
    }

    private static string Progress(BriefingFacts f)
    {
        var lines = new List<string>();
        var ahead = f.Targets.Where(t => t.Light == Light.Green).ToList();
        if (ahead.Count > 0)
            lines.Add("（一）工作目标。" + string.Join("；", ahead.Select(Standing)) + (ahead.Count > 1 ? "，均达到序时进度。" : "，达到序时进度。"));
        else
            lines.Add("（一）工作目标。本季度尚无工作目标达到序时进度。");
        var k = f.Tasks;
        lines.Add($"（二）主要任务。{k.Green} 项任务按序时推进" + (k.AverageProgress is { } avg ? $"，全部任务平均完成 {Num(avg)}%。" : "。"));
        var judged = f.Targets.Where(t => t.Judgement is not null).ToList();
        if (judged.Count > 0)
            lines.Add("（三）研判情况。协调办对 " + judged.Count + " 项目标作了研判：" + string.Join("；", judged.Select(t => $"{t.Name}研判为「{t.Judgement}」")) + "。");
        return string.Join("\n", lines);
    }

    private static string Problems(BriefingFacts f)
    {
        var lines = new List<string>();
        var behind = f.Targets.Where(t => t.Light is Light.Yellow or Light.Red).ToList();
        if (behind.Count > 0)
            lines.Add("（一）目标进度。" + string.Join("；", behind.Select(t => Standing(t) + (t.PointsBehind is { } p ? $"，落后序时进度 {Num(p)} 个百分点" : "") + $"（{t.Light.Word()}）")) + "。");
        if (f.Red.Count == 0)
        {
            lines.Add(lines.Count == 0 ? "本季度没有严重滞后的事项。" : "本季度没有其他严重滞后的事项。");
            return string.Join("\n", lines);
        }
        lines.Add($"（{(behind.Count > 0 ? "二" : "一")}）严重滞后事项。本季度共有 {f.Red.Count} 项严重滞后：");
        // The same lapse by several parties (eleven districts missing one report) is one sentence naming them all.
        var grouped = f.Red.GroupBy(r => (r.Kind, r.Item, r.Why)).Select(g => (g.Key, Who: string.Join("、", g.Select(r => r.Responsible).Distinct()), g.Count())).ToList();
        lines.AddRange(grouped.Select((r, i) => $"{i + 1}. {r.Key.Item}（{r.Key.Kind}{(r.Item3 > 1 ? $"，{r.Item3} 项" : "")}）：{r.Key.Why}，责任单位为{r.Who}。"));
        return string.Join("\n", lines);
    }

    private static string NextSteps(BriefingFacts f)
    {
        var lines = new List<string>();
        if (f.OpenItems.Count > 0)
        {
            lines.Add($"（一）抓好督办落实。{f.OpenItems.Count} 项督办事项尚未销号，请承办单位按期办结：");
            lines.AddRange(f.OpenItems.Select((o, i) =>
                $"{i + 1}. {o.Title}（{o.Level}，承办：{o.Addressee}，办理期限 {o.Due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}{(o.Overdue ? "，已逾期" : "")}）。"));
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
        lines.Add($"（三）做好下季度报送。各区按报送日历按时报送{f.Period.Next.Label}数据，协调办及时审核确认。");
        return string.Join("\n", lines);
    }

    private static string Standing(TargetFact t) =>
        $"{t.Name}{(t.Actual is { } a ? $"达到 {Num(a)}{t.Unit}" : "尚无数据")}" + (t.Goal is { } g ? $"（2027年目标{t.Comparison}{Num(g)}{t.Unit}）" : "");

    private static string Num(decimal d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);
}
