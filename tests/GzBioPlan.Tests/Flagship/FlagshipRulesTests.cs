using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Tests.Flagship;

public class FlagshipRulesTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("生物制造", 4)]
    [InlineData("PHA 材料", 5)]
    [InlineData("纯度≥99.5%，", 9)]
    [InlineData("a b\u3000c", 3)] // the ideographic space is whitespace too
    [InlineData("𠀀𠀁", 2)] // outside the basic plane: one each, as Word counts
    [InlineData("2024年，L-丙氨酸（发酵法）。", 17)]
    public void Characters_are_counted_as_Word_counts_them_without_spaces(string text, int expected) =>
        Assert.Equal(expected, CharacterCount.Of(text));

    private static readonly FlagshipBatch Batch = new()
    {
        Year = 2024, CallTitle = "", CallNumber = "", NoticeTitle = "", NoticeNumber = "", PostalAddress = "", Email = "",
        Fields = ["食品及添加剂", "生物制药"], Kinds = ["重大创新型", "关键提升型", "规模替代型"],
    };

    private static ApplicationForm With(string key, string value) => new() { Values = { [key] = value } };

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void The_highlights_limit_holds_at_exactly_100_mixed_characters(int length, bool fine)
    {
        // Chinese, Latin, digits and punctuation mixed, with spaces that do not count.
        var unit = "亮点A1，";
        var text = string.Concat(Enumerable.Repeat(unit + " ", length / unit.Length)) + new string('字', length % unit.Length);
        Assert.Equal(length, CharacterCount.Of(text));
        var problems = ApplicationRules.Check(With("highlights", text), Batch, new HashSet<string>(), submit: false);
        Assert.Equal(fine, !problems.Any(p => p.Key == "highlights"));
        if (!fine) Assert.Contains($"现为 {length} 字", problems.Single(p => p.Key == "highlights").Message);
    }

    [Theory]
    [InlineData("profile", 500)]
    [InlineData("process", 1000)]
    [InlineData("advantages", 500)]
    [InlineData("sales", 300)]
    [InlineData("prospects", 300)]
    [InlineData("ipNote", 300)]
    [InlineData("standardNote", 300)]
    public void Each_long_text_is_refused_one_character_over_its_limit(string key, int limit)
    {
        string Text(int n) => string.Concat(Enumerable.Range(0, n).Select(i => (i % 4) switch { 0 => '生', 1 => 'B', 2 => '7', _ => '。' })) + "  \n";
        Assert.DoesNotContain(ApplicationRules.Check(With(key, Text(limit)), Batch, new HashSet<string>(), false), p => p.Key == key);
        Assert.Contains(ApplicationRules.Check(With(key, Text(limit + 1)), Batch, new HashSet<string>(), false), p => p.Key == key);
    }

    [Theory]
    [InlineData("contact1Mobile", "13800138000", true)]
    [InlineData("contact1Mobile", "1380013800", false)]
    [InlineData("contact1Mobile", "020-83120000", false)]
    [InlineData("contact1Email", "rd@example.cn", true)]
    [InlineData("contact1Email", "rd@example", false)]
    [InlineData("domesticShare", "100", true)]
    [InlineData("domesticShare", "100.5", false)]
    [InlineData("domesticShare", "-1", false)]
    [InlineData("capital", "5,000.5", true)]
    [InlineData("capital", "五千", false)]
    [InlineData("staff", "12.5", false)]
    [InlineData("reportDate", "2024-11-06", true)]
    [InlineData("reportDate", "2024-02-30", false)]
    [InlineData("field", "生物制药", true)]
    [InlineData("field", "其他", true)]
    [InlineData("field", "化妆品", false)] // not in this batch's list
    [InlineData("kind", "规模替代型", true)]
    [InlineData("listed", "也许", false)]
    [InlineData("uscc", "91440101MA59ABCD1X", false)]
    public void Typed_values_are_checked_by_type(string key, string value, bool fine) =>
        Assert.Equal(fine, !ApplicationRules.Check(With(key, value), Batch, new HashSet<string>(), false).Any(p => p.Key == key));

    [Fact]
    public void Research_staff_cannot_outnumber_the_staff()
    {
        var form = new ApplicationForm { Values = { ["staff"] = "40", ["rdStaff"] = "41" } };
        Assert.Contains(ApplicationRules.Check(form, Batch, new HashSet<string>(), false), p => p.Key == "rdStaff" && p.Message.Contains("不能多于"));
    }

    [Fact]
    public void Submitting_names_every_blank_field_and_missing_proof_but_a_draft_needs_none()
    {
        var empty = new ApplicationForm();
        Assert.Empty(ApplicationRules.Check(empty, Batch, new HashSet<string>(), submit: false));
        var problems = ApplicationRules.Check(empty, Batch, new HashSet<string>(), submit: true);
        Assert.Contains(problems, p => p.Message == "请填写「申请产品名称」。");
        Assert.Contains(problems, p => p.Message.StartsWith("请上传「营业执照或法人证书」", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Key == FormFields.IpKey);
        // 除另有说明外: what the form marks 「无可不填」 or asks only with another answer is not required.
        Assert.DoesNotContain(problems, p => p.Key is "exportVolume" or "licenceKind" or "stockCode" or "natureOther");
        Assert.DoesNotContain(problems, p => p.Key == "permitProof");
    }

    [Fact]
    public void A_yes_makes_its_follow_up_fields_and_proof_required()
    {
        var form = new ApplicationForm { Values = { ["listed"] = "是", ["licensed"] = "是", ["exports"] = "是", ["nature"] = "其他" } };
        var keys = ApplicationRules.Check(form, Batch, new HashSet<string>(), submit: true).Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "stockCode", "listingPlace", "listedOn", "licenceKind", "licenceNumber", "permitProof", "exportVolume", "natureOther" }, keys);
    }

    [Theory]
    [InlineData(new[] { 1, 2 }, 2, null)]
    [InlineData(new[] { 1, 2, 3 }, 2, "超过本批次推荐名额（2 项）")]
    [InlineData(new[] { 1, 3 }, 5, "推荐顺序应为 1 至 2")]
    [InlineData(new[] { 1, 1 }, 5, "推荐顺序应为 1 至 2")]
    [InlineData(new int[0], 2, null)]
    public void The_recommendation_stays_within_the_quota_in_order(int[] ranks, int quota, string? problem)
    {
        var said = Quota.Problem(ranks, quota);
        if (problem is null) Assert.Null(said);
        else Assert.Contains(problem, said);
    }

    private static readonly Criterion[] Criteria = [new("技术", 60), new("市场", 40)];

    [Theory]
    [InlineData(80, 90, 84)]
    [InlineData(100, 100, 100)]
    [InlineData(0, 50, 20)]
    public void An_experts_score_is_weighted_by_the_criteria(int tech, int market, int expected) =>
        Assert.Equal(expected, ExpertScoring.Weighted(new Dictionary<string, decimal> { ["技术"] = tech, ["市场"] = market }, Criteria));

    [Fact]
    public void Experts_are_averaged_an_incomplete_score_is_left_out_and_ties_share_a_rank()
    {
        var experts = new[]
        {
            new Dictionary<string, decimal> { ["技术"] = 80, ["市场"] = 90 },
            new Dictionary<string, decimal> { ["技术"] = 90, ["市场"] = 70 },
            new Dictionary<string, decimal> { ["技术"] = 10 },
        };
        Assert.Equal(83m, ExpertScoring.Average(experts, Criteria));
        Assert.Null(ExpertScoring.Average([], Criteria));
        Assert.Equal(new Dictionary<long, int> { [1] = 1, [2] = 2, [3] = 2, [4] = 4 }, ExpertScoring.Ranks(new Dictionary<long, decimal> { [1] = 90, [2] = 85, [3] = 85, [4] = 70 }));
        Assert.Contains("0 至 100", ExpertScoring.Problem("专家", new Dictionary<string, decimal?> { ["技术"] = 101, ["市场"] = 1 }, Criteria));
        Assert.Contains("请填写“市场”", ExpertScoring.Problem("专家", new Dictionary<string, decimal?> { ["技术"] = 1 }, Criteria));
    }

    [Theory]
    [InlineData("2025-01-13", "2025-01-24")] // two plain weeks
    [InlineData("2025-09-29", "2025-10-17")] // over 国庆 and 中秋 (10-01 to 10-08 off, Saturday 10-11 worked)
    [InlineData("2025-10-04", "2025-10-21")] // starting on a day off: from the first working day
    public void Publicity_lasts_ten_working_days_of_the_holiday_table(string start, string end) =>
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            OutcomeSteps.PublicityEnd(new GzBioPlan.Domain.Periods.WorkingDays(GzBioPlan.Domain.Periods.HolidaySeed.Days), DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("91440101MA59ABCD1", "应为 18 位")]
    [InlineData("91440101MA59ABCV1X", "第 16 位“V”不是允许的字符")]
    [InlineData("91440101ma59abcd1x", "第 9 位“m”不是允许的字符")]
    public void A_uscc_problem_says_what_is_wrong(string code, string expected) => Assert.Contains(expected, Uscc.Problem(code));

    [Fact]
    public void A_valid_uscc_has_no_problem()
    {
        var body = "91440112MA5D0001R";
        Assert.Null(Uscc.Problem(body + Uscc.CheckCharacter(body)));
    }
}

public class FileCheckTests
{
    private static readonly byte[] Pdf = FlagshipDemo.PlainPdf("proof");

    private static byte[] Png(uint width, uint height, bool withEnd = true)
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        void Chunk(string type, byte[] data)
        {
            bytes.AddRange(BitConverter.GetBytes((uint)data.Length).Reverse());
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(type));
            bytes.AddRange(data);
            bytes.AddRange(new byte[4]);
        }
        Chunk("IHDR", [.. BitConverter.GetBytes(width).Reverse(), .. BitConverter.GetBytes(height).Reverse(), 8, 2, 0, 0, 0]);
        Chunk("IDAT", [1, 2, 3]);
        if (withEnd) Chunk("IEND", []);
        return [.. bytes];
    }

    private static byte[] Jpeg(ushort width, ushort height, bool withEnd = true) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF\0"u8.ToArray(), 1, 1, 0, 0, 1, 0, 1, 0, 0,
        0xFF, 0xC0, 0, 11, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0,
        0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, .. (withEnd ? new byte[] { 0xFF, 0xD9 } : [0x56]),
    ];

    [Fact]
    public void Whole_pdf_png_and_jpeg_files_are_recognised_by_content()
    {
        Assert.Equal(FileKind.Pdf, FileCheck.Check(Pdf, FileKinds.Documents).Kind);
        Assert.Equal(FileKind.Png, FileCheck.Check(Png(2480, 3508), FileKinds.Documents).Kind);
        Assert.Equal(FileKind.Jpeg, FileCheck.Check(Jpeg(2480, 3508), FileKinds.Documents).Kind);
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "an executable renamed .pdf", [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0], "不是 PDF、JPG、PNG 格式" },
        { "a zip renamed .pdf", [0x50, 0x4B, 3, 4, 20, 0], "不是 PDF、JPG、PNG 格式" },
        { "an empty file", [], "空的" },
        { "a truncated PDF", Pdf[..(Pdf.Length / 2)], "不完整" },
        { "an encrypted PDF", [.. Pdf[..20], .. "/Encrypt 6 0 R"u8.ToArray(), .. Pdf[20..]], "已加密" },
        { "a PDF with script", [.. Pdf[..20], .. "/JavaScript (app.alert(1))"u8.ToArray(), .. Pdf[20..]], "含有脚本" },
        { "a PNG without its end", Png(100, 100, withEnd: false), "不完整" },
        { "a PNG that declares a billion pixels", Png(40000, 40000), "尺寸过大" },
        { "a JPEG that declares 4 billion pixels", Jpeg(65000, 65000), "尺寸过大" },
        { "a JPEG cut short", Jpeg(100, 100, withEnd: false), "不完整" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Hostile_or_broken_files_are_refused_with_a_reason(string what, byte[] bytes, string reason)
    {
        var verdict = FileCheck.Check(bytes, FileKinds.Documents);
        Assert.True(verdict.Kind == FileKind.None, what);
        Assert.Contains(reason, verdict.Problem);
    }

    [Fact]
    public void A_slot_that_takes_only_pdf_refuses_an_image() =>
        Assert.Contains("不是 PDF 格式", FileCheck.Check(Png(10, 10), FileKind.Pdf).Problem);
}
