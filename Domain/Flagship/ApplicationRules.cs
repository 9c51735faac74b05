using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Domain.Flagship;

/// <summary>
/// 字数 as Word's and WPS's 字数统计 counts 「字符数(不计空格)」: every character except whitespace is one — a Chinese
/// character, a letter, a digit, a punctuation mark — and a character outside the basic plane (a rare 汉字) is one, not two.
/// </summary>
public static class CharacterCount
{
    public static int Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var n = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune)) n++;
        }
        return n;
    }
}

/// <summary>What is wrong with one field, named as the form names it.</summary>
public sealed record FieldProblem(string Key, string Message);

/// <summary>
/// The server's checks of a 申请表. A draft is checked for what is typed wrong (too long, not a number, a bad phone);
/// 提交 also needs everything 「除另有说明外」 filled in and every required proof attached.
/// </summary>
public static partial class ApplicationRules
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")]
    private static partial Regex EmailPattern();

    public static bool IsMobile(string text) => MobilePattern().IsMatch(text);

    public static bool IsEmail(string text) => text.Length <= 100 && EmailPattern().IsMatch(text);

    /// <summary>The most a draft keeps of any one field: well past every limit, so nothing typed is cut, but bounded.</summary>
    public const int DraftCap = 4000;

    public const int MaxRows = 50;

    public static IReadOnlyList<FieldProblem> Check(ApplicationForm form, FlagshipBatch batch, IReadOnlySet<string> proofs, bool submit)
    {
        var problems = new List<FieldProblem>();
        foreach (var f in FormFields.All)
        {
            var value = form[f.Key];
            if (value is null)
            {
                var needed = f.Required || (f.RequiredWhen is { } when && form[when.Key] == when.Value);
                if (submit && needed) problems.Add(new(f.Key, $"请填写「{f.Label}」。"));
                continue;
            }
            if (Problem(f, value, batch) is { } p) problems.Add(new(f.Key, $"「{f.Label}」{p}"));
        }
        if (Integer(form["staff"]) is { } staff && Integer(form["rdStaff"]) is { } rd && rd > staff)
            problems.Add(new("rdStaff", $"「研发人员人数」（{rd}）不能多于「单位人数」（{staff}）。"));

        var equipment = form.Equipment.Values.Sum(g => g.Count);
        if (submit && equipment == 0) problems.Add(new(FormFields.EquipmentKey, "「使用主要设备情况」至少填写一台（套）设备。"));
        if (form.Equipment.Any(g => !FormFields.EquipmentGroups.Contains(g.Key)))
            problems.Add(new(FormFields.EquipmentKey, "「使用主要设备情况」只有原料处理、发酵、分离纯化、检验检测和其他设备五类。"));
        foreach (var (group, items) in form.Equipment)
        {
            if (items.Count > MaxRows) problems.Add(new(FormFields.EquipmentKey, $"「{group}」最多填写 {MaxRows} 项。"));
            if (items.FirstOrDefault(i => CharacterCount.Of(i) > 100) is { } longOne)
                problems.Add(new(FormFields.EquipmentKey, $"「{group}」中“{Short(longOne)}”超过 100 字，请只写设备名称、型号和数量。"));
        }

        if (submit && form.IpRights.Count == 0)
            problems.Add(new(FormFields.IpKey, "「知识产权情况」至少填写一项：申请主体须对所申请产品拥有知识产权。"));
        if (form.IpRights.Count > MaxRows) problems.Add(new(FormFields.IpKey, $"「知识产权情况」最多填写 {MaxRows} 项。"));
        for (var i = 0; i < form.IpRights.Count; i++)
        {
            var r = form.IpRights[i];
            var row = $"「知识产权情况」第 {i + 1} 行";
            if (string.IsNullOrWhiteSpace(r.Name) || CharacterCount.Of(r.Name) > 100) problems.Add(new(FormFields.IpKey, $"{row}的名称不能为空，且不超过 100 字。"));
            if (!FormFields.IpCategories.Contains(r.Category)) problems.Add(new(FormFields.IpKey, $"{row}请选择类别（{string.Join("、", FormFields.IpCategories)}）。"));
            else if (r.Category == "其它" && string.IsNullOrWhiteSpace(r.CategoryOther)) problems.Add(new(FormFields.IpKey, $"{row}类别为“其它”，请注明。"));
            if (string.IsNullOrWhiteSpace(r.Authority) || CharacterCount.Of(r.Authority) > 100) problems.Add(new(FormFields.IpKey, $"{row}的批准机构不能为空，且不超过 100 字。"));
            if (Date(r.GrantedOn) is null) problems.Add(new(FormFields.IpKey, $"{row}的批准时间不是有效日期（如 2023-05-18）。"));
        }

        if (form.Standards.Count > MaxRows) problems.Add(new(FormFields.StandardsKey, $"「现行有效标准情况」最多填写 {MaxRows} 项。"));
        for (var i = 0; i < form.Standards.Count; i++)
        {
            var s = form.Standards[i];
            var row = $"「现行有效标准情况」第 {i + 1} 行";
            if (string.IsNullOrWhiteSpace(s.Name) || CharacterCount.Of(s.Name) > 100) problems.Add(new(FormFields.StandardsKey, $"{row}的标准名称不能为空，且不超过 100 字。"));
            if (string.IsNullOrWhiteSpace(s.Number) || CharacterCount.Of(s.Number) > 50) problems.Add(new(FormFields.StandardsKey, $"{row}的标准编号不能为空，且不超过 50 字。"));
            if (!FormFields.StandardLevels.Contains(s.Level)) problems.Add(new(FormFields.StandardsKey, $"{row}请选择标准类别（国家、行业或地方）。"));
        }

        if (submit)
        {
            foreach (var proof in FormFields.Proofs.Where(p => p.Required(form) && !proofs.Contains(p.Key)))
                problems.Add(new(proof.Key, $"请上传「{proof.Label}」（{proof.Hint}）。"));
        }
        return problems;
    }

    private static string? Problem(FormField f, string value, FlagshipBatch batch)
    {
        switch (f.Type)
        {
            case FieldType.Text or FieldType.LongText:
                var n = CharacterCount.Of(value);
                return n > f.Limit ? $"不超过 {f.Limit} 字，现为 {n} 字（不计空格）。" : null;
            case FieldType.Number:
                if (Number(value) is not { } d) return $"应填写数字，“{Short(value)}”不是数字。";
                return d < f.Min ? $"不能小于 {f.Min}。" : d > f.Max ? $"不能大于 {f.Max}。" : null;
            case FieldType.Integer:
                if (Integer(value) is not { } i) return $"应填写整数，“{Short(value)}”不是整数。";
                return i < f.Min ? $"不能小于 {f.Min}。" : null;
            case FieldType.Date:
                return Date(value) is null ? $"不是有效日期（如 2024-11-08）。" : null;
            case FieldType.Choice:
                var options = f.Options ?? (f.Key == FormFields.FieldKey ? [.. batch.Fields, "其他"] : batch.Kinds);
                return options.Contains(value) ? null : $"请从“{string.Join("、", options)}”中选择。";
            case FieldType.YesNo:
                return value is "是" or "否" ? null : "请选择“是”或“否”。";
            case FieldType.Mobile:
                return IsMobile(value) ? null : "应为 11 位手机号码（如 13800138000）。";
            case FieldType.Email:
                return IsEmail(value) ? null : "不是有效的电子邮箱地址。";
            default:
                return Uscc.Problem(value);
        }
    }

    public static decimal? Number(string? text) =>
        decimal.TryParse(text?.Replace(",", "").Replace("，", "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static long? Integer(string? text) =>
        long.TryParse(text?.Replace(",", "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Short(string text) => text.Length > 20 ? text[..20] + "…" : text;
}

/// <summary>
/// 市核实's checklist: what the national call asks the province (here the city) to confirm of each application
/// before recommending it (工作要求 (一)–(四), 核实 真实性、完整性、有效性).
/// </summary>
public static class VerificationChecklist
{
    public static readonly IReadOnlyList<(string Key, string Text)> Items =
    [
        ("authentic", "材料真实、完整、有效（真实性、完整性、有效性）"),
        ("legalEntity", "在中华人民共和国境内注册、具有独立法人资格：已核对营业执照或法人证书（统一社会信用代码本身不能证明，分支机构也有代码）"),
        ("noAccident", "近三年无重大安全和环境污染事故"),
        ("leading", "产品技术水平处于国内领先或国际先进水平"),
        ("scaleOrPilot", "已规模化生产的产品具有较高市场占有率；商业化早期产品已完成中试验证"),
        ("name", "产品名称准确、科学、严谨，符合行业和社会认知"),
        ("ip", "无知识产权纠纷，不涉及国家秘密，申请主体对产品拥有知识产权"),
        ("licensee", "涉及前置行政许可且申请主体为企业的，申请主体为相关行政许可的被许可人（不涉及的视为符合）"),
    ];
}

/// <summary>推荐名额: the city recommends at most its quota, in order.</summary>
public static class Quota
{
    /// <summary>Why the ranked list cannot be saved, or null: ranks 1…n without gaps or repeats, and n within the quota.</summary>
    public static string? Problem(IReadOnlyCollection<int> ranks, int quota)
    {
        if (ranks.Count > quota) return $"推荐数量（{ranks.Count} 项）超过本批次推荐名额（{quota} 项），请减少 {ranks.Count - quota} 项后再保存。";
        var sorted = ranks.Order().ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i] != i + 1) return $"推荐顺序应为 1 至 {sorted.Count} 且不重复，请检查顺序号。";
        }
        return null;
    }
}

/// <summary>专家评议: each expert's weighted score, their average per application, and the ranking.</summary>
public static class ExpertScoring
{
    /// <summary>The 2024 default: what the call asks of a product (先进、效益、推广价值) as five weighted criteria.</summary>
    public static readonly IReadOnlyList<Criterion> DefaultCriteria =
    [
        new("技术先进性", 30), new("创新性和差异化竞争力", 25), new("经济效益和市场占有率", 20), new("推广价值和应用前景", 15), new("知识产权和标准", 10),
    ];

    /// <summary>Σ score × weight ÷ Σ weight, over the batch's criteria; null when a criterion is unscored.</summary>
    public static decimal? Weighted(IReadOnlyDictionary<string, decimal> scores, IReadOnlyList<Criterion> criteria)
    {
        var total = criteria.Sum(c => c.Weight);
        if (total <= 0 || criteria.Any(c => !scores.ContainsKey(c.Name))) return null;
        return Math.Round(criteria.Sum(c => scores[c.Name] * c.Weight) / total, 2);
    }

    /// <summary>The mean of the experts' weighted scores (rounded to 0.01), or null with no complete score.</summary>
    public static decimal? Average(IEnumerable<IReadOnlyDictionary<string, decimal>> experts, IReadOnlyList<Criterion> criteria)
    {
        var weighted = experts.Select(e => Weighted(e, criteria)).OfType<decimal>().ToList();
        return weighted.Count == 0 ? null : Math.Round(weighted.Average(), 2);
    }

    /// <summary>Ranks by average, highest first; equal averages share a rank (1, 2, 2, 4).</summary>
    public static IReadOnlyDictionary<long, int> Ranks(IReadOnlyDictionary<long, decimal> averages) =>
        averages.ToDictionary(a => a.Key, a => 1 + averages.Values.Count(v => v > a.Value));

    /// <summary>Why one expert's scores cannot be kept, or null: every criterion scored 0–100.</summary>
    public static string? Problem(string? expert, IReadOnlyDictionary<string, decimal?> scores, IReadOnlyList<Criterion> criteria)
    {
        if (string.IsNullOrWhiteSpace(expert) || expert.Trim().Length > 50) return "请填写专家姓名（不超过 50 字）。";
        foreach (var c in criteria)
        {
            if (scores.GetValueOrDefault(c.Name) is not { } s) return $"请填写“{c.Name}”的评分。";
            if (s is < 0 or > 100) return $"“{c.Name}”的评分应在 0 至 100 之间。";
        }
        return null;
    }
}

/// <summary>When the collection's reminders go out: from <c>days</c> working days before a deadline up to the deadline itself.</summary>
public static class Reminders
{
    public static bool Due(DateOnly today, DateOnly deadline, int days, WorkingDays calendar) =>
        today <= deadline && calendar.CountAfter(today, deadline) <= days;
}
