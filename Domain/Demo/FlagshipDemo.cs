using System.Security.Cryptography;
using System.Text;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Demo;

/// <summary>
/// The 2024 flagship batch with the seed's dates (notice 2024-10-31, to the province by 11-17, the ministry 11-22) and
/// ten fictional applications at every stage, by firms of the demo 创新引领型企业 roster (so one firm is one record).
/// Each complete application carries small generated PDFs as its proofs and stamped scan.
/// </summary>
public static class FlagshipDemo
{
    /// <summary>The organisation the demo 申报单位 account applies for (README lists the account).</summary>
    public const int DemoApplicantIndex = 0;

    /// <summary>The demo district account's district: its first two firms apply (a draft and one awaiting 初审), so both demo accounts have work.</summary>
    private const string HuangpuDistrict = "440112";

    private static readonly (string Product, string Field, string Kind, ApplicationState State, int? Rank)[] Products =
    [
        ("高纯度 β-烟酰胺单核苷酸（NMN）酶法合成", "食品及添加剂", "关键提升型", ApplicationState.Draft, null),
        ("细胞培养用无血清培养基", "专用设备及材料", "关键提升型", ApplicationState.Submitted, null),
        ("重组人源化胶原蛋白", "生物基材料", "重大创新型", ApplicationState.Verified, 1),
        ("生物基 1,3-丙二醇", "生物基化学品", "规模替代型", ApplicationState.Verified, 2),
        ("耐高温植酸酶", "酶制剂", "关键提升型", ApplicationState.Verified, null),
        ("微生物合成依克多因", "化妆品", "关键提升型", ApplicationState.DistrictPassed, null),
        ("mRNA 疫苗用加帽酶", "生物制药", "重大创新型", ApplicationState.DistrictPassed, null),
        ("发酵法 L-丙氨酸", "生物基化学品", "规模替代型", ApplicationState.Submitted, null),
        ("合成生物学法红景天苷", "天然产物生物合成", "重大创新型", ApplicationState.Returned, null),
        ("聚羟基脂肪酸酯（PHA）可降解材料", "生物基材料", "规模替代型", ApplicationState.Draft, null),
    ];

    public static async Task AddAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.FlagshipBatches.AnyAsync(b => b.Year == 2024, ct)) return;
        var firms = await db.RosterEntries.AsNoTracking().Where(r => r.IsDemo && r.Kind == RosterKind.LeadingFirm)
            .Select(r => new { r.Key, r.Name, r.DistrictCode }).Distinct().ToListAsync(ct);
        var picked = firms.GroupBy(f => f.Key).Select(g => g.First()).GroupBy(f => f.DistrictCode)
            .OrderBy(g => g.Key == HuangpuDistrict ? 0 : 1).ThenBy(g => g.Key).SelectMany(g => g.OrderBy(f => f.Key).Take(2)).Take(Products.Length).ToList();
        if (picked.Count < Products.Length || await db.Applicants.AnyAsync(a => picked.Select(p => p.Key).Contains(a.Uscc), ct)) return;

        var batch = new FlagshipBatch
        {
            Year = 2024, IsDemo = true,
            CallTitle = "工业和信息化部办公厅关于开展2024年生物制造标志性产品征集工作的通知", CallNumber = "工信厅消费函〔2024〕382号",
            NoticeTitle = "广东省工业和信息化厅关于开展2024年生物制造标志性产品征集工作的通知（演示）", NoticeNumber = "2024年10月31日",
            ApplicantDeadline = new DateOnly(2024, 11, 8), DistrictDeadline = new DateOnly(2024, 11, 13), ProvinceDeadline = new DateOnly(2024, 11, 17),
            Quota = 3, PostalAddress = "广州市越秀区（演示地址）市工业和信息化局消费品工业处", Email = "flagship-demo@example.cn",
            Contacts = [new("张敏（演示）", "020-83120000"), new("李想（演示）", "020-83120001")],
            Fields = ["食品及添加剂", "生物制药", "化妆品", "生物基化学品", "生物能源", "生物基材料", "酶制剂", "天然产物生物合成", "专用设备及材料"],
            Kinds = ["重大创新型", "关键提升型", "规模替代型"],
            Criteria = [.. ExpertScoring.DefaultCriteria],
        };
        db.FlagshipBatches.Add(batch);
        var start = new DateTimeOffset(2024, 11, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var applicants = picked.Select(f => new Applicant
        {
            Name = f.Name, Uscc = f.Key, DistrictCode = f.DistrictCode, Status = ApplicantStatus.Approved, CreatedBy = "huangpu", CreatedAt = start.AddDays(-1), IsDemo = true,
        }).ToList();
        db.Applicants.AddRange(applicants);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < Products.Length; i++)
        {
            var (product, field, kind, state, rank) = Products[i];
            var org = applicants[i];
            var complete = !(state == ApplicationState.Draft && i == DemoApplicantIndex);
            var at = start.AddHours(i * 5);
            var app = new FlagshipApplication
            {
                BatchId = batch.Id, ApplicantId = org.Id, DistrictCode = org.DistrictCode, State = state, Form = Form(org, product, field, kind, complete),
                ProductName = product, Field = field, Kind = kind, CreatedAt = at, UpdatedAt = at.AddDays(1), UpdatedBy = "演示", IsDemo = true,
                Version = state == ApplicationState.Draft ? 0 : 1,
            };
            if (state != ApplicationState.Draft)
            {
                app.SubmittedAt = at.AddDays(2);
                (app.DeclaredBy, app.DeclaredAt) = (org.Name, at.AddDays(2));
            }
            if (state is ApplicationState.DistrictPassed or ApplicationState.Verified)
                (app.DistrictOpinion, app.DistrictOpinionOn) = ("经初审，材料齐全，情况属实，同意推荐。", new DateOnly(2024, 11, 12));
            if (state == ApplicationState.Verified)
            {
                (app.CityOpinion, app.CityOpinionOn) = ("经核实，申请材料真实、完整、有效，符合征集条件。", new DateOnly(2024, 11, 15));
                app.Checked = [.. VerificationChecklist.Items.Select(c => c.Key)];
            }
            if (state == ApplicationState.Returned) app.ReturnReasons = new() { ["sales"] = "请补充近三年产品销售收入规模和服务企业数量。", ["ipProof"] = "专利证书扫描件不清晰，请重新扫描。" };
            if (rank is { } r)
            {
                app.RecommendRank = r;
                app.RecommendReason = $"{product}技术水平国内领先，已实现规模化生产，市场占有率居全国前列，推广价值突出。";
                (app.RecommendContact, app.RecommendPhone) = ("张敏 消费品工业处一级主任科员 工程师（演示）", "13800138000");
                app.Outcomes = r == 1
                    ?
                    [
                        new(OutcomeStep.ProvinceRecommended, new DateOnly(2024, 11, 17), null, null, null),
                        new(OutcomeStep.Selected, new DateOnly(2025, 1, 10), null, product.Replace("重组人源化", "重组Ⅲ型人源化"), null),
                        new(OutcomeStep.Publicity, new DateOnly(2025, 1, 13), null, null, new DateOnly(2025, 1, 24)),
                        new(OutcomeStep.Published, new DateOnly(2025, 2, 10), null, null, null),
                    ]
                    : [new(OutcomeStep.ProvinceRecommended, new DateOnly(2024, 11, 17), null, null, null), new(OutcomeStep.NotSelected, new DateOnly(2025, 1, 10), null, null, null)];
            }
            db.FlagshipApplications.Add(app);
            await db.SaveChangesAsync(ct);
            db.ApplicationEvents.AddRange(Events(app, state));
            if (state == ApplicationState.Verified)
            {
                foreach (var (expert, offset) in new[] { ("专家甲（演示）", 0), ("专家乙（演示）", 4) })
                    db.ExpertScores.Add(new ExpertScore
                    {
                        ApplicationId = app.Id, Expert = expert, RecordedBy = "office", RecordedAt = at.AddDays(8),
                        Scores = batch.Criteria.ToDictionary(c => c.Name, c => (decimal)(92 - 3 * i - offset + c.Weight % 7)),
                    });
            }
            if (complete)
            {
                foreach (var proof in FormFields.Proofs.Where(p => p.Required(app.Form)))
                    db.Attachments.Add(Pdf(app.Id, proof.Key, $"{proof.Label}.pdf", at, null));
                db.Attachments.Add(Pdf(app.Id, FormFields.StampedScan, "申请表盖章扫描件.pdf", app.UpdatedAt.AddHours(1), state == ApplicationState.Draft ? 1 : app.Version));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task RemoveAsync(AppDbContext db, CancellationToken ct)
    {
        var apps = db.FlagshipApplications.Where(a => a.IsDemo).Select(a => a.Id);
        await db.Attachments.Where(a => a.IsDemo || (a.Owner == "flagship" && apps.Contains(a.OwnerId))).ExecuteDeleteAsync(ct);
        await db.ApplicationEvents.Where(e => apps.Contains(e.ApplicationId)).ExecuteDeleteAsync(ct);
        await db.ExpertScores.Where(e => apps.Contains(e.ApplicationId)).ExecuteDeleteAsync(ct);
        await db.FlagshipApplications.Where(a => a.IsDemo).ExecuteDeleteAsync(ct);
        await db.Applicants.Where(a => a.IsDemo && !db.FlagshipApplications.Any(x => x.ApplicantId == a.Id)).ExecuteDeleteAsync(ct);
        await db.FlagshipBatches.Where(b => b.IsDemo && !db.FlagshipApplications.Any(x => x.BatchId == b.Id)).ExecuteDeleteAsync(ct);
    }

    private static IEnumerable<ApplicationEvent> Events(FlagshipApplication app, ApplicationState state)
    {
        var at = app.CreatedAt;
        yield return new ApplicationEvent { ApplicationId = app.Id, Action = "新建", By = "演示", At = at };
        if (state == ApplicationState.Draft) yield break;
        yield return new ApplicationEvent { ApplicationId = app.Id, Action = "提交", By = "演示", At = at.AddDays(2), Note = "第 1 版" };
        if (state == ApplicationState.Returned) yield return new ApplicationEvent { ApplicationId = app.Id, Action = "区初审退回", By = "黄埔区工信局（演示）", At = at.AddDays(4), Note = "市场销售情况：请补充近三年销售收入" };
        if (state is ApplicationState.DistrictPassed or ApplicationState.Verified)
            yield return new ApplicationEvent { ApplicationId = app.Id, Action = "区初审通过", By = "区工信部门（演示）", At = at.AddDays(4), Note = app.DistrictOpinion };
        if (state == ApplicationState.Verified)
            yield return new ApplicationEvent { ApplicationId = app.Id, Action = "市核实通过", By = "协调办（演示）", At = at.AddDays(7), Note = app.CityOpinion };
        if (app.RecommendRank is { } r) yield return new ApplicationEvent { ApplicationId = app.Id, Action = "列入推荐", By = "协调办（演示）", At = at.AddDays(8), Note = $"推荐顺序第 {r} 位" };
    }

    private static ApplicationForm Form(Applicant org, string product, string field, string kind, bool complete)
    {
        var form = new ApplicationForm
        {
            Values =
            {
                ["orgName"] = org.Name, ["uscc"] = org.Uscc, ["productName"] = product, [FormFields.FieldKey] = field, [FormFields.KindKey] = kind,
            },
        };
        if (!complete) return form;
        foreach (var (k, v) in new Dictionary<string, string>
        {
            ["industry"] = "医药制造业", ["legalRep"] = "陈某（演示）", ["capital"] = "5000", ["address"] = "广州市（演示地址）科学城",
            ["nature"] = "民营企业", ["listed"] = "否", ["revenue"] = "28600", ["rdSpending"] = "3150", ["staff"] = "420", ["rdStaff"] = "96",
            ["profile"] = $"{org.Name}成立于2012年，专注于合成生物学与生物制造，拥有省级工程技术研究中心，近三年获得投资3亿元（演示数据）。",
            ["contact1Name"] = "王工（演示）", ["contact1Title"] = "研发总监", ["contact1Mobile"] = "13900139000", ["contact1Email"] = "rd@example.cn",
            ["contact2Name"] = "刘工（演示）", ["contact2Title"] = "项目经理", ["contact2Mobile"] = "13700137000", ["contact2Email"] = "pm@example.cn",
            ["reportDate"] = "2024-11-06", ["highlights"] = "自主底盘细胞，转化率较传统工艺提高40%，能耗降低30%。", ["licensed"] = "否", ["output"] = "1200",
            ["marketShare"] = "前10", ["domesticShare"] = "8.5", ["exports"] = "是", ["exportVolume"] = "300",
            ["process"] = "以葡萄糖为原料，采用自主构建的工程菌株进行高密度发酵，经膜分离、层析纯化和结晶干燥得到产品；生产场所通过 ISO 9001 认证（演示数据）。",
            ["advantages"] = "菌株产率和稳定性优于同类路线，单位成本下降约25%，产品纯度达99.5%以上（演示数据）。",
            ["sales"] = "产品应用于食品、医药和日化行业，近三年销售收入分别为1.8亿元、2.3亿元和2.9亿元，服务企业300余家（演示数据）。",
            ["prospects"] = "预计2027年国内市场规模超过50亿元，产品可替代进口（演示数据）。",
            ["ipNote"] = "拥有与本产品相关的发明专利5项、实用新型专利8项（演示数据）。", ["standardNote"] = "参与制定行业标准1项（演示数据）。",
        }) form.Values[k] = v;
        form.Equipment["发酵设备"] = ["50 m³ 不锈钢发酵罐 4 台", "5 m³ 种子罐 2 台"];
        form.Equipment["分离纯化设备"] = ["陶瓷膜过滤系统 1 套", "工业层析柱 2 台"];
        form.Equipment["检验检测设备"] = ["高效液相色谱仪 3 台"];
        form.IpRights = [new("一种工程菌株及其发酵方法（演示）", "发明专利", null, "国家知识产权局", "2022-06-17")];
        form.Standards = [new("（演示）发酵法产品通用技术要求", "QB/T 0000-2023", "行业")];
        return form;
    }

    /// <summary>A one-page PDF saying what it stands for, whole and plain (it passes the attachment checks as any real proof must).</summary>
    public static byte[] PlainPdf(string text)
    {
        var body = new StringBuilder();
        var offsets = new List<int>();
        void Obj(string content)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(body.ToString()));
            body.Append($"{offsets.Count} 0 obj\n{content}\nendobj\n");
        }
        body.Append("%PDF-1.4\n");
        Obj("<< /Type /Catalog /Pages 2 0 R >>");
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        var stream = $"BT /F1 14 Tf 72 770 Td ({text.Replace("(", "").Replace(")", "")}) Tj ET";
        Obj($"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream");
        Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = Encoding.ASCII.GetByteCount(body.ToString());
        body.Append($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) body.Append($"{o:D10} 00000 n \n");
        body.Append($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    private static Attachment Pdf(long appId, string slot, string name, DateTimeOffset at, int? version)
    {
        var bytes = PlainPdf($"GzBioPlan demo proof: {slot}");
        return new Attachment
        {
            Owner = "flagship", OwnerId = appId, Slot = slot, FileName = name, Kind = FileKind.Pdf, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes, UploadedBy = "演示", UploadedAt = at, OwnerVersion = version, IsDemo = true,
        };
    }
}
