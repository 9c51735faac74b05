using System.Text.RegularExpressions;
using GzBioPlan.Domain.Plan;

namespace GzBioPlan.Tests.Domain.Plan;

/// <summary>The plan as data must say exactly what the document says: checked against the seed text itself.</summary>
public class PlanSeedTests
{
    private static string SeedText => File.ReadAllText(Directory.GetFiles(Path.Combine(Support.Repo.Shared, "seeds"), "004_*.txt").Single());

    /// <summary>The plan's own unit groups, in order: each (牵头单位:…;配合单位:…) of 二、三、四, in full-width or ASCII punctuation.</summary>
    private static List<(List<string> Leads, List<string> Supporting)> GroupsInText()
    {
        var groups = new List<(List<string>, List<string>)>();
        foreach (Match m in Regex.Matches(SeedText, "[（(]牵头单位[：:]([^）)]*)[）)]"))
        {
            var parts = Regex.Split(m.Groups[1].Value, "[，；,;]?配合单位[：:]");
            groups.Add((Names(parts[0]), parts.Length > 1 ? Names(parts[1]) : []));
        }
        return groups;
    }

    /// <summary>Splits a list of units and writes each under its full name (发展改革委 → 市发展改革委).</summary>
    private static List<string> Names(string list) =>
        Regex.Split(list, "[、，,]").Select(n => n.Trim()).Where(n => n.Length > 0)
            .Select(n => n == "各区政府" || n.StartsWith('市') ? n : "市" + n).ToList();

    private static List<string> UnitNames(IEnumerable<string> codes) =>
        codes.Select(c => PlanSeed.Units.Single(u => u.Code == c).Name).ToList();

    [Fact]
    public void Every_area_task_and_measure_names_its_units_as_the_text_does()
    {
        var text = GroupsInText();
        var ours = PlanSeed.KeyAreas.OrderBy(a => a.No).Select(a => (UnitNames(a.Leads.OrderBy(l => l.SortOrder).Select(l => l.UnitCode)), new List<string>()))
            .Concat(PlanSeed.WorkItems.OrderBy(w => w.Kind).ThenBy(w => w.No).SelectMany(w => w.Parts.OrderBy(p => p.PartNo)).Select(p => (
                UnitNames(p.Units.Where(u => u.Role == UnitRole.Lead).OrderBy(u => u.SortOrder).Select(u => u.UnitCode)),
                UnitNames(p.Units.Where(u => u.Role == UnitRole.Supporting).OrderBy(u => u.SortOrder).Select(u => u.UnitCode)))))
            .ToList();

        Assert.Equal(5 + 6 + 4 + 1, text.Count); // 保障措施(四) has two groups
        Assert.Equal(text.Count, ours.Count);
        for (var i = 0; i < text.Count; i++)
        {
            Assert.Equal(text[i].Leads, ours[i].Item1);
            Assert.Equal(text[i].Supporting, ours[i].Item2);
        }
    }

    [Fact]
    public void Six_tasks_and_four_measures_with_measure_four_in_two_parts()
    {
        Assert.Equal(6, PlanSeed.WorkItems.Count(w => w.Kind == WorkItemKind.Task));
        Assert.Equal(4, PlanSeed.WorkItems.Count(w => w.Kind == WorkItemKind.Measure));
        var m4 = PlanSeed.WorkItems.Single(w => w.Code == "measure-4");
        Assert.Equal(2, m4.Parts.Count);
        Assert.Equal(["市科技局"], UnitNames(m4.Parts[0].Units.Where(u => u.Role == UnitRole.Lead).Select(u => u.UnitCode)));
        Assert.Equal(["市工业和信息化局", "市发展改革委", "市科技局"], UnitNames(m4.Parts[1].Units.Where(u => u.Role == UnitRole.Lead).Select(u => u.UnitCode)));
    }

    [Fact]
    public void Titles_appear_in_the_text()
    {
        foreach (var w in PlanSeed.WorkItems) Assert.Contains(w.Title.Replace("（", "(").Replace("）", ")"), SeedText);
        foreach (var a in PlanSeed.KeyAreas) Assert.Contains($"{a.Name}。", SeedText);
        Assert.Contains(PlanSeed.Document.DocumentNumber, SeedText);
        Assert.Contains("2024年10月28日", SeedText);
    }

    [Fact]
    public void Numeric_targets_match_the_text()
    {
        Assert.Contains("培育10家以上", SeedText);
        Assert.Contains("建设2个左右", SeedText);
        var firms = PlanSeed.Targets.Single(t => t.Code == "target-1");
        Assert.Equal((10m, "≥"), (firms.TargetValue!.Value, firms.Comparison!));
        var bases = PlanSeed.Targets.Single(t => t.Code == "target-2");
        Assert.Equal((2m, "约"), (bases.TargetValue!.Value, bases.Comparison!));
        Assert.All(PlanSeed.Targets.Where(t => t.Kind == TargetKind.Qualitative), t => Assert.NotEmpty(t.Milestones));
    }

    [Fact]
    public void Eleven_districts_with_GB_T_2260_codes()
    {
        var expected = new Dictionary<string, string>
        {
            ["越秀区"] = "440104", ["荔湾区"] = "440103", ["海珠区"] = "440105", ["天河区"] = "440106", ["白云区"] = "440111", ["黄埔区"] = "440112",
            ["番禺区"] = "440113", ["花都区"] = "440114", ["南沙区"] = "440115", ["从化区"] = "440117", ["增城区"] = "440118",
        };
        Assert.Equal(expected, PlanSeed.Districts.ToDictionary(d => d.Name, d => d.Code));
    }
}
