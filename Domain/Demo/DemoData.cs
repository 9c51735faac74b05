using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Demo;

/// <summary>Configuration section <c>Demo</c>: on by default in Development only.</summary>
public sealed record DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; init; }
}

/// <summary>
/// 演示数据: plausible quarterly figures for the 11 districts from 2024Q4 to the last finished
/// quarter, so a first run shows a living cockpit. Every row it writes is marked, so turning the
/// option off removes exactly these rows and nothing a person entered.
/// </summary>
public static class DemoData
{
    public static async Task<bool> IsPresentAsync(AppDbContext db, CancellationToken ct) =>
        await db.IndicatorValues.AnyAsync(v => v.IsDemo, ct) || await db.ProgressReports.AnyAsync(r => r.IsDemo, ct);

    public static async Task ApplyAsync(AppDbContext db, DemoOptions options, DateOnly today, CancellationToken ct)
    {
        var present = await IsPresentAsync(db, ct);
        if (options.Enabled && !present) await AddAsync(db, today, ct);
        else if (!options.Enabled && present) await RemoveAsync(db, ct);
    }

    public static async Task RemoveAsync(AppDbContext db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.IndicatorValues.Where(v => v.IsDemo).ExecuteDeleteAsync(ct);
        await db.RosterEntries.Where(v => v.IsDemo).ExecuteDeleteAsync(ct);
        await db.ProgressReports.Where(v => v.IsDemo).ExecuteDeleteAsync(ct);
        var demoSubItems = db.SubItems.Where(s => s.IsDemo).Select(s => s.Id);
        var demoMilestones = db.Milestones.Where(m => demoSubItems.Contains(m.SubItemId)).Select(m => m.Id);
        await db.MilestoneReports.Where(r => r.IsDemo || demoMilestones.Contains(r.MilestoneId)).ExecuteDeleteAsync(ct);
        await db.BreakdownChanges.Where(c => c.SubItemId != null && demoSubItems.Contains(c.SubItemId.Value)).ExecuteDeleteAsync(ct);
        await db.Milestones.Where(m => demoSubItems.Contains(m.SubItemId)).ExecuteDeleteAsync(ct);
        await db.SubItems.Where(s => s.IsDemo).ExecuteDeleteAsync(ct);
        await FlagshipDemo.RemoveAsync(db, ct);
        await db.TargetMilestones.Where(m => m.CompletedByDemo)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CompletedIn, (Period?)null).SetProperty(m => m.CompletedByDemo, false), ct);
        await db.BumpDataVersionAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task AddAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var last = Period.LastFinished(today);
        if (last < Period.First) return;
        var periods = Period.Range(Period.First, last.ClampToPlan());
        var generator = new Generator(new Random(20241028));

        // Demo data fills only the slots nobody has reported: real figures are never shadowed or duplicated.
        var realValues = (await db.IndicatorValues.AsNoTracking().Select(v => new { v.IndicatorCode, v.DistrictCode, v.Period }).ToListAsync(ct))
            .Select(v => (v.IndicatorCode, v.DistrictCode, v.Period)).ToHashSet();
        var realRosters = (await db.RosterEntries.AsNoTracking().Select(r => new { r.DistrictCode, r.Period }).Distinct().ToListAsync(ct))
            .Select(r => (r.DistrictCode, r.Period)).ToHashSet();
        var realReports = (await db.ProgressReports.AsNoTracking().Select(r => new { r.WorkItemCode, r.UnitCode, r.Period }).ToListAsync(ct))
            .Select(r => (r.WorkItemCode, r.UnitCode, r.Period)).ToHashSet();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.IndicatorValues.AddRange(generator.IndicatorValues(periods).Where(v => !realValues.Contains((v.IndicatorCode, v.DistrictCode, v.Period))));
        db.RosterEntries.AddRange(generator.Rosters(periods).Where(r => !realRosters.Contains((r.DistrictCode, r.Period))));
        var units = await db.WorkItemPartUnits.AsNoTracking()
            .Where(u => u.Role == UnitRole.Lead && u.UnitCode != PlanSeed.AllDistricts)
            .Join(db.WorkItemParts, u => u.WorkItemPartId, p => p.Id, (u, p) => new { p.WorkItemCode, p.PartNo, u.UnitCode })
            .ToListAsync(ct);
        db.ProgressReports.AddRange(generator.ProgressReports(periods, units.Select(u => (u.WorkItemCode, u.PartNo, u.UnitCode)))
            .Where(r => !realReports.Contains((r.WorkItemCode, r.UnitCode, r.Period))));
        await db.SaveChangesAsync(ct);
        await AddBreakdownAsync(db, generator, last, ct);
        await FlagshipDemo.AddAsync(db, ct);

        foreach (var (target, order, done) in MilestonesReached)
        {
            if (done > last) continue;
            await db.TargetMilestones.Where(m => m.TargetCode == target && m.SortOrder == order && m.CompletedIn == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.CompletedIn, (Period?)done).SetProperty(m => m.CompletedByDemo, true), ct);
        }
        await db.BumpDataVersionAsync(ct);
        await tx.CommitAsync(ct);
    }

    private sealed record DemoSubItem(string Item, string Title, PartyKind OwnerKind, string Owner, string? Indicator, decimal? Weight, Period Start,
        (string Title, Period Due, decimal? Weight)[] Milestones);

    /// <summary>A breakdown of task-3 (lagging, one milestone left overdue) and task-4, for work items the office has not broken down.</summary>
    private static readonly DemoSubItem[] Breakdown =
    [
        new("task-3", "菌种库建设", PartyKind.Unit, "kjj", "strains", 40, new(2025, 1),
            [("建设方案确定，承建单位落实", new(2025, 2), 20), ("库房及信息系统建成，对外提供保藏服务", new(2026, 2), 40), ("保藏菌种规模居全国首位", new(2027, 4), 40)]),
        new("task-3", "元件库建设", PartyKind.Unit, "kjj", "parts", 40, new(2025, 1),
            [("承建单位落实", new(2025, 2), null), ("元件库上线服务", new(2026, 3), null), ("元件规模居全国首位", new(2027, 4), null)]),
        new("task-3", "高效酶制剂和底盘细胞攻关", PartyKind.District, "440112", null, 20, new(2025, 3),
            [("攻关项目立项", new(2025, 4), null), ("取得阶段性成果", new(2026, 4), null)]),
        new("task-4", "黄埔区生物制造产业园区规划建设", PartyKind.District, "440112", "industrial_bases", null, new(2025, 1),
            [("园区规划获批", new(2025, 3), null), ("首批项目入园", new(2026, 2), null), ("园区建成", new(2027, 2), null)]),
        new("task-4", "南沙区生物制造载体布局", PartyKind.District, "440115", null, null, new(2025, 2),
            [("载体布局方案印发", new(2025, 4), null), ("重点载体投入使用", new(2026, 4), null)]),
    ];

    private static async Task AddBreakdownAsync(AppDbContext db, Generator generator, Period last, CancellationToken ct)
    {
        var brokenDown = (await db.SubItems.Where(s => !s.IsDemo).Select(s => s.WorkItemCode).Distinct().ToListAsync(ct)).ToHashSet();
        var order = 0;
        foreach (var d in Breakdown.Where(d => !brokenDown.Contains(d.Item)))
        {
            var sub = new SubItem
            {
                WorkItemCode = d.Item, Title = d.Title, OwnerKind = d.OwnerKind, OwnerCode = d.Owner, IndicatorCode = d.Indicator, Weight = d.Weight,
                Start = d.Start, SortOrder = ++order, IsDemo = true,
            };
            db.SubItems.Add(sub);
            await db.SaveChangesAsync(ct);
            var milestones = d.Milestones.Select((m, i) => new Milestone { SubItemId = sub.Id, SortOrder = i + 1, Title = m.Title, Due = m.Due, OriginalDue = m.Due, Weight = m.Weight }).ToList();
            db.Milestones.AddRange(milestones);
            await db.SaveChangesAsync(ct);
            db.MilestoneReports.AddRange(milestones.SelectMany((m, i) => generator.MilestoneReports(m, d, i == 0, last)));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The milestones demo data marks reached; target-3's second milestone is left overdue on purpose.</summary>
    private static readonly (string Target, int Order, Period Done)[] MilestonesReached =
    [
        ("target-4", 1, new Period(2024, 4)),
        ("target-3", 1, new Period(2025, 3)),
        ("target-4", 2, new Period(2025, 4)),
    ];

    /// <summary>District weights: 黄埔 and 南沙 carry the plan; the central districts are small.</summary>
    private static readonly Dictionary<string, double> Weight = new()
    {
        ["440103"] = 0.15, ["440104"] = 0.12, ["440105"] = 0.2, ["440106"] = 0.45, ["440111"] = 0.35,
        ["440112"] = 1.0, ["440113"] = 0.5, ["440114"] = 0.3, ["440115"] = 0.8, ["440117"] = 0.15, ["440118"] = 0.35,
    };

    private static readonly string[] Stems =
        ["华蕴", "瑞康", "合源", "微构", "酶创", "菌方", "禾元", "绿合", "智造", "百奥", "赛恩", "启元", "泰和", "海卓", "博纳", "中科", "凯普", "天琪", "新锐", "联创"];

    private static readonly string[] Fields = ["生物医药", "生物材料", "生物食品", "生物健康", "生物农业"];

    private sealed class Generator(Random random)
    {
        private double Noise(double spread) => 1 + (random.NextDouble() * 2 - 1) * spread;

        public IEnumerable<IndicatorValue> IndicatorValues(IReadOnlyList<Period> periods)
        {
            foreach (var (district, w) in Weight)
            {
                double firms = 8 + 70 * w, output = 15 + 320 * w, strains = district == "440112" ? 52000 : 1500 * w, parts = district == "440112" ? 8000 : 400 * w;
                foreach (var period in periods)
                {
                    firms *= 1.025 * Noise(0.01);
                    output *= 1.035 * Noise(0.03);
                    strains *= 1.06 * Noise(0.02);
                    parts *= 1.08 * Noise(0.02);
                    yield return V("bio_firms", district, period, Math.Round(firms));
                    yield return V("output_value", district, period, Math.Round(output, 1));
                    yield return V("strains", district, period, Math.Round(strains));
                    yield return V("parts", district, period, Math.Round(parts));
                    yield return V("financing", district, period, Math.Round(0.5 + 12 * w * Noise(0.5), 1));
                    yield return V("talent", district, period, Math.Round(1 + 12 * w * Noise(0.4)));
                }
            }
        }

        private static IndicatorValue V(string indicator, string district, Period period, double value) =>
            new() { IndicatorCode = indicator, DistrictCode = district, Period = period, Value = (decimal)value, IsDemo = true };

        public IEnumerable<RosterEntry> Rosters(IReadOnlyList<Period> periods)
        {
            var firms = LeadingFirms();
            var bases = new (string District, string Name, Period Building, Period Built, decimal Mu)[]
            {
                ("440112", "广州生物制造创新引领核心区产业园", new Period(2025, 2), new Period(2026, 3), 1200),
                ("440115", "南沙生物制造特色产业基地", new Period(2026, 1), new Period(2027, 4), 900),
                ("440113", "番禺合成生物产业园", new Period(2026, 2), new Period(2028, 1), 300),
            };
            var platforms = new (string District, string Name, string Type, Period From)[]
            {
                ("440112", "生物医药中试平台（国际生物岛）", "中试平台", new Period(2024, 4)),
                ("440112", "合成生物工程化中试平台", "中试平台", new Period(2025, 3)),
                ("440115", "生物食品中试平台", "中试平台", new Period(2025, 4)),
                ("440106", "生物制造概念验证中心（天河）", "概念验证中心", new Period(2025, 2)),
                ("440112", "科学城概念验证中心", "概念验证中心", new Period(2026, 1)),
                ("440113", "生物基材料示范应用场景", "示范场景", new Period(2025, 4)),
                ("440111", "微生物农药示范应用场景", "示范场景", new Period(2026, 2)),
            };
            var projects = Enumerable.Range(0, 14).Select(i =>
            {
                var district = Weight.Keys.ElementAt(i * 5 % Weight.Count);
                return (District: district, Name: $"{Stems[(i + 7) % Stems.Length]}{Fields[i % Fields.Length]}产业化项目",
                    Field: Fields[i % Fields.Length], Wan: (decimal)(5000 + i * 3700 % 40000), From: periods[Math.Min(i / 3, periods.Count - 1)]);
            }).ToList();

            foreach (var period in periods)
            {
                foreach (var f in firms.Where(f => f.From <= period))
                {
                    var status = f.Recognized is { } r && r <= period ? "已认定" : "培育对象";
                    foreach (var district in f.Districts)
                        yield return R(RosterKind.LeadingFirm, district, period, f.Uscc, f.Name, status, f.Field);
                }
                foreach (var b in bases.Where(b => b.Building.Previous <= period))
                {
                    var stage = period >= b.Built ? "已建成" : period >= b.Building ? "在建" : "规划";
                    // Parks have no 类别 in the template: a value here would read as cleared on every resubmission.
                    yield return R(RosterKind.IndustrialBase, b.District, period, b.Name, b.Name, stage, null, b.Mu);
                }
                foreach (var p in platforms.Where(p => p.From <= period))
                    yield return R(RosterKind.Platform, p.District, period, p.Name, p.Name, "运行", p.Type);
                foreach (var p in projects.Where(p => p.From <= period))
                    yield return R(RosterKind.KeyProject, p.District, period, p.Name, p.Name, "在建", p.Field, p.Wan, p.From.Start);
            }
        }

        private static RosterEntry R(RosterKind kind, string district, Period period, string key, string name, string status,
            string? category, decimal? amount = null, DateOnly? start = null) => new()
        {
            Kind = kind, DistrictCode = district, Period = period, Key = key, Name = name, Status = status,
            Category = category, Amount = amount, StartDate = start, IsDemo = true,
        };

        private sealed record Firm(string Uscc, string Name, string Field, string[] Districts, Period From, Period? Recognized);

        private List<Firm> LeadingFirms()
        {
            // Recognitions lag the trajectory a little, so the first target shows a yellow light.
            Period?[] recognized = [new Period(2025, 2), new Period(2025, 2), new Period(2025, 4), new Period(2026, 2), new Period(2026, 3)];
            var firms = new List<Firm>();
            var i = 0;
            foreach (var (district, w) in Weight.OrderByDescending(x => x.Value))
            {
                for (var n = 0; n < Math.Max(1, (int)Math.Round(4 * w)); n++, i++)
                {
                    var field = Fields[i % Fields.Length];
                    var districts = i == 1 ? new[] { district, "440115" } : [district];
                    firms.Add(new Firm(NewUscc(district), $"广州{Stems[i % Stems.Length]}{field[2..]}科技有限公司", field, districts,
                        Period.First, i < recognized.Length ? recognized[i] : null));
                }
            }
            return firms;
        }

        private string NewUscc(string district)
        {
            const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
            var body = "91" + district + new string(Enumerable.Range(0, 9).Select(_ => chars[random.Next(chars.Length)]).ToArray());
            return body + Uscc.CheckCharacter(body);
        }

        /// <summary>Quarterly completion at the work item's pace; a sub-item's first milestone is met on time.</summary>
        public IEnumerable<MilestoneReport> MilestoneReports(Milestone m, DemoSubItem d, bool onTime, Period last)
        {
            var pace = onTime ? 1.0 : Pace.GetValueOrDefault(d.Item, 1.0);
            foreach (var period in Period.Range(d.Start, last))
            {
                var percent = Math.Clamp((double)Rollup.Expected(d.Start, m.Due, period) * pace * Noise(0.05), 0, 100);
                yield return new MilestoneReport
                {
                    MilestoneId = m.Id, Period = period, Percent = onTime && period >= m.Due ? 100 : Math.Round((decimal)percent, 0),
                    ReporterKind = d.OwnerKind, ReporterCode = d.Owner, ReportedAt = BeijingTime.StartOf(period.End.AddDays(10)),
                    IsDemo = true,
                };
            }
        }

        /// <summary>Pace per work item relative to 序时进度: task-3 (strain and parts libraries) lags badly, task-4 somewhat.</summary>
        private static readonly Dictionary<string, double> Pace = new() { ["task-3"] = 0.55, ["task-4"] = 0.8, ["measure-3"] = 0.85, ["measure-1"] = 1.3 };

        public IEnumerable<ProgressReport> ProgressReports(IReadOnlyList<Period> periods, IEnumerable<(string Item, int Part, string Unit)> leads)
        {
            foreach (var (item, part, unit) in leads)
            {
                var itemPace = Pace.GetValueOrDefault(item, 1.0);
                foreach (var period in periods)
                {
                    var percent = Math.Clamp((double)TimeProgress.ExpectedPercent(period) * itemPace * Noise(0.06), 0, 100);
                    yield return new ProgressReport
                    {
                        WorkItemCode = item, PartNo = part, UnitCode = unit, Period = period,
                        Status = percent >= 100 ? ProgressStatus.Completed : ProgressStatus.InProgress,
                        ProgressPercent = Math.Round((decimal)percent, 0),
                        Narrative = $"{period.Label}按计划推进，完成年度工作的阶段性任务。",
                        ReportedAt = BeijingTime.StartOf(period.End.AddDays(10)),
                        IsDemo = true,
                    };
                }
            }
        }
    }
}
