using GzBioPlan.Domain.Flagship;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>A cell of the paper form: a label (th) or a value, spanning columns.</summary>
public sealed record PaperCell(string Text, int Span = 1, bool Label = false);

/// <summary>A table of the paper form, with column heads where the seed has them (知识产权, 标准).</summary>
public sealed record PaperTable(string Heading, IReadOnlyList<string>? Heads, IReadOnlyList<IReadOnlyList<PaperCell>> Rows, string? Note = null);

/// <summary>
/// The 申请表 as the seed lays it out on paper — the same rows, labels and tick boxes — once, for both the print page
/// and the .docx. An empty form gives the blank 申请表 the notice offers.
/// </summary>
public static class ApplicationLayout
{
    public static readonly IReadOnlyList<string> Notes =
    [
        "申请单位应仔细阅读《关于开展 {0} 年生物制造标志性产品征集工作的通知》及有关说明，如实、详细地填写每一部分内容。",
        "除另有说明外，申请表中栏目不得空缺。申请表要求提供证明材料处，请补充附件。",
        "纸质版申请表要求盖章处，须加盖对应公章，复印无效，报送材料需加盖骑缝章，并与相应纸质证明材料一起交工业和信息化主管部门。",
        "电子版材料的内容与格式应与纸质材料一致，如不一致以纸质材料为准。",
        "申请单位须对所申请的产品拥有知识产权，对报送的全部资料真实性、完整性负责。",
    ];

    public const string Declaration = "本单位近三年内未出现重大事故，无环境违法记录；涉及中央财政资金支持的项目在绩效评价、监督检查中未出现违法违规行为；本次报送的所有材料均真实、完整，如有不实，愿承担相应责任。";

    /// <summary>The cover's lines: label and value pairs.</summary>
    public static IReadOnlyList<(string Label, string Value)> Cover(ApplicationForm f) =>
    [
        ("申请单位名称：", V(f, "orgName")), ("联系人 1：", V(f, "contact1Name")), ("职　　务：", V(f, "contact1Title")), ("手　　机：", V(f, "contact1Mobile")),
        ("电子邮箱：", V(f, "contact1Email")), ("联系人 2：", V(f, "contact2Name")), ("职　　务：", V(f, "contact2Title")), ("手　　机：", V(f, "contact2Mobile")),
        ("电子邮箱：", V(f, "contact2Email")), ("报送日期：", ApplicationRules.Date(f["reportDate"]) is { } d ? d.ToString("yyyy 年 M 月 d 日") : "　　　年　　月　　日"),
    ];

    public static IReadOnlyList<PaperTable> Tables(FlagshipBatch batch, ApplicationForm f)
    {
        PaperCell L(string t, int span = 1) => new(t, span, Label: true);
        PaperCell C(string key, int span = 1) => new(V(f, key), span);
        var equipment = FormFields.EquipmentGroups.Select(g => (IReadOnlyList<PaperCell>)
            [L(g == FormFields.EquipmentGroups[0] ? $"使用主要设备情况：{g}" : g), new(Numbered(f.Equipment.GetValueOrDefault(g) ?? []), 3)]).ToList();
        return
        [
            new("一、申请单位信息", null,
            [
                [L("申请单位名称（全称）"), C("orgName"), L("所属大类行业"), C("industry")],
                [L("法定代表人"), C("legalRep"), L("注册资本（万元）"), C("capital")],
                [L("单位地址"), C("address", 3)],
                [L("组织机构代码/社会信用代码"), C("uscc", 3)],
                [L("单位性质"), new(Boxes(FormFields.Natures, f["nature"]) + (f["nature"] == "其他" ? $"（{f["natureOther"]}）" : "　其他（请注明）：＿＿＿＿"), 3)],
                [L("是否上市公司"), new(Boxes(["否", "是"], f["listed"]) + $"（股票代码：{V(f, "stockCode")}　上市地点：{V(f, "listingPlace")}　上市时间：{V(f, "listedOn")}）", 3)],
                [L("主营业务收入（万元）"), new($"{V(f, "revenue")}（指上一个财年，附证明材料）"), L("研发投入（万元）"), new($"{V(f, "rdSpending")}（指上一个财年，附证明材料）")],
                [L("单位人数"), C("staff"), L("研发人员人数"), C("rdStaff")],
                [L("单位简介"), C("profile", 3)],
            ]),
            new("二、申请产品情况", null,
            [
                [L("申请产品名称"), C("productName"), L("所属征集领域"), new(Boxes([.. batch.Fields, "其他"], f[FormFields.FieldKey]) + (f[FormFields.FieldKey] == "其他" ? $"（{f["fieldOther"]}）" : ""))],
                [L("所属征集类型"), new(Boxes(batch.Kinds, f[FormFields.KindKey])), L("产品创新亮点和优势（100字以内）"), C("highlights")],
                [L("是否涉及特殊注册、许可或备案等前置行政许可手续（需附相关证书、批文复印件等证明材料）"),
                    new($"{Boxes(["是", "否"], f["licensed"])}　行政许可类别：{V(f, "licenceKind")}　证书号或批准文号：{V(f, "licenceNumber")}（无可不填）", 3)],
                [L("上年度产品产量（吨）"), C("output"), L("占全国同类产品市场份额"), new($"{Boxes(FormFields.Shares, f["marketShare"])}　国内市场占有率为：{V(f, "domesticShare")}%")],
                [L("是否进行出口业务"), new(Boxes(["是", "否"], f["exports"])), L("上年度出口量（吨）"), new(f["exportVolume"] ?? "（无可不填）")],
                [L("技术工艺概述"), C("process", 3)],
                .. equipment,
                [L("产品先进性和核心竞争力"), C("advantages", 3)],
                [L("市场销售情况"), C("sales", 3)],
                [L("产品应用前景"), C("prospects", 3)],
            ]),
            new("知识产权情况", ["序号", "名称", "类别", "批准机构", "批准时间"],
                [.. f.IpRights.Select((r, i) => (IReadOnlyList<PaperCell>)[new($"{i + 1}"), new(r.Name), new(r.Category == "其它" ? $"其它（{r.CategoryOther}）" : r.Category), new(r.Authority), new(r.GrantedOn)]),
                 .. Blank(f.IpRights.Count, 5)],
                "说明：" + V(f, "ipNote")),
            new("现行有效标准情况", ["序号", "标准名称", "标准编号", "标准类别"],
                [.. f.Standards.Select((s, i) => (IReadOnlyList<PaperCell>)[new($"{i + 1}"), new(s.Name), new(s.Number), new(Boxes(FormFields.StandardLevels, s.Level))]),
                 .. Blank(f.Standards.Count, 4)],
                "说明：" + V(f, "standardNote")),
        ];
    }

    /// <summary>A blank form keeps three empty numbered rows to write in, as the seed's does.</summary>
    private static IEnumerable<IReadOnlyList<PaperCell>> Blank(int filled, int columns) =>
        filled > 0 ? [] : Enumerable.Range(1, 3).Select(i => (IReadOnlyList<PaperCell>)[new($"{i}"), .. Enumerable.Repeat(new PaperCell(""), columns - 1)]);

    private static string V(ApplicationForm f, string key) => f[key] ?? "";

    private static string Numbered(IReadOnlyList<string> items) =>
        items.Count == 0 ? "1.\n2.\n3." : string.Join("\n", items.Select((x, i) => $"{i + 1}. {x}"));

    public static string Boxes(IEnumerable<string> options, string? chosen) => string.Join("　", options.Select(o => (o == chosen ? "☑" : "☐") + o));
}
