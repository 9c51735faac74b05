namespace GzBioPlan.Domain.Flagship;

/// <summary>A row of 知识产权情况.</summary>
public sealed record IpRight(string Name, string Category, string? CategoryOther, string Authority, string GrantedOn);

/// <summary>A row of 现行有效标准情况.</summary>
public sealed record StandardRow(string Name, string Number, string Level);

/// <summary>
/// The 申请表 as the applicant typed it: single fields by their key in <see cref="FormFields"/> (kept as text, so a
/// half-typed number survives a draft save and is named on 提交), the five equipment groups as lists, and the
/// rows of 知识产权 and 标准.
/// </summary>
public sealed class ApplicationForm
{
    public Dictionary<string, string> Values { get; set; } = [];
    public Dictionary<string, List<string>> Equipment { get; set; } = [];
    public List<IpRight> IpRights { get; set; } = [];
    public List<StandardRow> Standards { get; set; } = [];

    public string? this[string key] => Values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}

public enum FieldType
{
    Text,
    LongText,
    Number,
    Integer,
    Date,
    Choice,
    YesNo,
    Mobile,
    Email,
    Uscc,
}

/// <summary>
/// One field of the 申请表: its key (form, database and .docx), the label the seed's form gives it, its section, type,
/// limit (字数, counted as <see cref="CharacterCount"/> does), whether 提交 needs it, and when it is needed only if another
/// field has a value (股票代码 only for a listed company).
/// </summary>
public sealed record FormField(string Key, string Label, string Section, FieldType Type, int Limit = 0, bool Required = true,
    IReadOnlyList<string>? Options = null, decimal? Min = null, decimal? Max = null, string? Hint = null,
    (string Key, string Value)? RequiredWhen = null);

/// <summary>A proof the form asks for (申请表要求提供证明材料处), and when it is required.</summary>
public sealed record ProofSlot(string Key, string Label, string Hint, Func<ApplicationForm, bool> Required);

public static class FormFields
{
    public const string Unit = "一、申请单位信息";
    public const string Cover = "联系人及报送日期";
    public const string Product = "二、申请产品情况";

    public static readonly IReadOnlyList<string> Natures = ["中央企业", "地方国有企业", "民营企业", "合资企业", "事业单位", "其他"];
    public static readonly IReadOnlyList<string> Shares = ["前3", "前10", "其他"];
    public static readonly IReadOnlyList<string> IpCategories = ["发明专利", "实用新型专利", "外观设计专利", "计算机软件著作权", "商标权", "其它"];
    public static readonly IReadOnlyList<string> StandardLevels = ["国家", "行业", "地方"];
    public static readonly IReadOnlyList<string> EquipmentGroups = ["原料处理设备", "发酵设备", "分离纯化设备", "检验检测设备", "其他设备"];

    public const string FieldKey = "field";
    public const string KindKey = "kind";

    /// <summary>Every single field, in the seed's order. 领域 and 类型 take their options from the batch.</summary>
    public static readonly IReadOnlyList<FormField> All =
    [
        new("orgName", "申请单位名称（全称）", Unit, FieldType.Text, 100),
        new("industry", "所属大类行业", Unit, FieldType.Text, 50, Hint: "按《国民经济行业分类》大类填写，如“医药制造业”"),
        new("legalRep", "法定代表人", Unit, FieldType.Text, 50),
        new("capital", "注册资本（万元）", Unit, FieldType.Number, Min: 0),
        new("address", "单位地址", Unit, FieldType.Text, 200),
        new("uscc", "组织机构代码/社会信用代码", Unit, FieldType.Uscc),
        new("nature", "单位性质", Unit, FieldType.Choice, Options: Natures),
        new("natureOther", "单位性质（其他，请注明）", Unit, FieldType.Text, 50, Required: false, RequiredWhen: ("nature", "其他")),
        new("listed", "是否上市公司", Unit, FieldType.YesNo),
        new("stockCode", "股票代码", Unit, FieldType.Text, 20, Required: false, RequiredWhen: ("listed", "是")),
        new("listingPlace", "上市地点", Unit, FieldType.Text, 50, Required: false, RequiredWhen: ("listed", "是")),
        new("listedOn", "上市时间", Unit, FieldType.Date, Required: false, RequiredWhen: ("listed", "是")),
        new("revenue", "主营业务收入（万元）", Unit, FieldType.Number, Min: 0, Hint: "指上一个财年（提供证明材料）"),
        new("rdSpending", "研发投入（万元）", Unit, FieldType.Number, Min: 0, Hint: "指上一个财年（提供证明材料）"),
        new("staff", "单位人数", Unit, FieldType.Integer, Min: 1),
        new("rdStaff", "研发人员人数", Unit, FieldType.Integer, Min: 0, Hint: "不超过单位人数"),
        new("profile", "单位简介", Unit, FieldType.LongText, 500,
            Hint: "包括成立时间、主营业务、主要产品、技术实力、发展历程等基本情况，所获相关省级以上奖励荣誉，近年来获得投融资情况等（不超过 500 字，需提供有关证明材料附后）"),
        new("contact1Name", "联系人 1", Cover, FieldType.Text, 30),
        new("contact1Title", "联系人 1 职务", Cover, FieldType.Text, 30),
        new("contact1Mobile", "联系人 1 手机", Cover, FieldType.Mobile),
        new("contact1Email", "联系人 1 电子邮箱", Cover, FieldType.Email),
        new("contact2Name", "联系人 2", Cover, FieldType.Text, 30),
        new("contact2Title", "联系人 2 职务", Cover, FieldType.Text, 30),
        new("contact2Mobile", "联系人 2 手机", Cover, FieldType.Mobile),
        new("contact2Email", "联系人 2 电子邮箱", Cover, FieldType.Email),
        new("reportDate", "报送日期", Cover, FieldType.Date),
        new("productName", "申请产品名称", Product, FieldType.Text, 100, Hint: "准确、科学、严谨，符合行业和社会认知"),
        new(FieldKey, "所属征集领域", Product, FieldType.Choice),
        new("fieldOther", "所属征集领域（其他）", Product, FieldType.Text, 50, Required: false, RequiredWhen: (FieldKey, "其他")),
        new(KindKey, "所属征集类型", Product, FieldType.Choice),
        new("highlights", "产品创新亮点和优势", Product, FieldType.LongText, 100, Hint: "100 字以内"),
        new("licensed", "是否涉及特殊注册、许可或备案等前置行政许可手续", Product, FieldType.YesNo, Hint: "需附相关证书、批文复印件等证明材料"),
        new("licenceKind", "行政许可类别", Product, FieldType.Text, 100, Required: false, RequiredWhen: ("licensed", "是"), Hint: "无可不填"),
        new("licenceNumber", "证书号或批准文号", Product, FieldType.Text, 100, Required: false, RequiredWhen: ("licensed", "是"), Hint: "无可不填"),
        new("output", "上年度产品产量（吨）", Product, FieldType.Number, Min: 0),
        new("marketShare", "占全国同类产品市场份额", Product, FieldType.Choice, Options: Shares),
        new("domesticShare", "国内市场占有率（%）", Product, FieldType.Number, Min: 0, Max: 100),
        new("exports", "是否进行出口业务", Product, FieldType.YesNo),
        new("exportVolume", "上年度出口量（吨）", Product, FieldType.Number, Required: false, Min: 0, RequiredWhen: ("exports", "是"), Hint: "无可不填"),
        new("process", "技术工艺概述", Product, FieldType.LongText, 1000,
            Hint: "包括本产品所用原料；使用的底盘细胞；采用主要技术工艺；涉及主要装备情况；对技术人员和生产场所资质要求等（不超过 1000 字）"),
        new("advantages", "产品先进性和核心竞争力", Product, FieldType.LongText, 500,
            Hint: "产品功能、性能、稳定性等方面的突破性和先进性；原料、技术工艺特色带来的效率、产率、产量优势；差异化竞争力的核心要素及未来提升方向（不超过 500 字）"),
        new("sales", "市场销售情况", Product, FieldType.LongText, 300,
            Hint: "主要应用场景，本单位在同行业中的地位、主要销售市场，近三年产品销售收入规模和服务企业数量等（不超过 300 字）"),
        new("prospects", "产品应用前景", Product, FieldType.LongText, 300,
            Hint: "未来市场推广前景、预期市场规模；商业化早期产品需说明已完成的产品化验证情况及潜在产业化应用价值（不超过 300 字）"),
        new("ipNote", "知识产权情况说明", Product, FieldType.LongText, 300,
            Hint: "描述申请单位及所属工作人员具有的与本产品研发生产相关的专利权、计算机软件著作权、商标权或其他知识产权情况（300 字以内，需提供证明材料附后）"),
        new("standardNote", "现行有效标准情况说明", Product, FieldType.LongText, 300,
            Hint: "描述本产品研发生产相关的现行有效国家标准、行业标准、地方标准情况；牵头或参与制修订标准的可特别说明（300 字以内，需提供证明材料附后）"),
    ];

    public static readonly IReadOnlyDictionary<string, FormField> ByKey = All.ToDictionary(f => f.Key);

    public const string EquipmentKey = "equipment";
    public const string IpKey = "ipRights";
    public const string StandardsKey = "standards";

    /// <summary>Labels of the list parts, for problems and return reasons.</summary>
    public static readonly IReadOnlyDictionary<string, string> ListLabels = new Dictionary<string, string>
    {
        [EquipmentKey] = "使用主要设备情况", [IpKey] = "知识产权情况", [StandardsKey] = "现行有效标准情况",
    };

    public static string LabelOf(string key) =>
        ByKey.TryGetValue(key, out var f) ? f.Label : ListLabels.TryGetValue(key, out var l) ? l
        : Proofs.FirstOrDefault(p => p.Key == key)?.Label ?? (key == Whole ? "整体" : key);

    /// <summary>A return reason about the application as a whole, not one field.</summary>
    public const string Whole = "whole";

    public const string StampedScan = "stamped";

    /// <summary>The proofs, where the seed's form asks for them.</summary>
    public static readonly IReadOnlyList<ProofSlot> Proofs =
    [
        new("licence", "营业执照或法人证书", "证明独立法人资格（统一社会信用代码本身不能证明，分支机构也有代码）", _ => true),
        new("revenueProof", "主营业务收入证明材料", "上一个财年", _ => true),
        new("rdProof", "研发投入证明材料", "上一个财年", _ => true),
        new("profileProof", "单位简介证明材料", "奖励荣誉、投融资等", _ => true),
        new("permitProof", "行政许可证书或批文", "涉及前置行政许可时必附", f => f["licensed"] == "是"),
        new("ipProof", "知识产权证明材料", "专利证书、著作权登记证书、商标注册证等", f => f.IpRights.Count > 0),
        new("standardProof", "标准证明材料", "有现行有效标准时必附", f => f.Standards.Count > 0),
    ];
}
