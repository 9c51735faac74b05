using System.Net;
using System.Text.Json;
using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Flagship;

/// <summary>The flagship collection through HTTP, as each role uses it, and what each may not do.</summary>
public class FlagshipTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    internal static async Task<HttpResponseMessage> Post(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string tokenPage = "/flagship/applications")
    {
        var token = AppFactory.Antiforgery(await client.GetStringAsync(tokenPage));
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    internal static Task<HttpResponseMessage> Upload(HttpClient client, long id, string slot, byte[] bytes, string name) =>
        AttachmentUpload.Post(client, $"/flagship/applications/{id}", "flagship", id, slot, bytes, name, "application/pdf");

    /// <summary>Every field of the 申请表 filled in as a careful applicant would.</summary>
    internal static Dictionary<string, string> CompleteForm(string product) => new()
    {
        ["f.orgName"] = "广州示例生物科技有限公司", ["f.industry"] = "医药制造业", ["f.legalRep"] = "陈明", ["f.capital"] = "5000", ["f.address"] = "广州市黄埔区科学城",
        ["f.uscc"] = Uscc(), ["f.nature"] = "民营企业", ["f.listed"] = "否", ["f.revenue"] = "28600", ["f.rdSpending"] = "3150", ["f.staff"] = "420", ["f.rdStaff"] = "96",
        ["f.profile"] = "成立于2012年，专注于合成生物学。", ["f.contact1Name"] = "王工", ["f.contact1Title"] = "研发总监", ["f.contact1Mobile"] = "13900139000",
        ["f.contact1Email"] = "rd@example.cn", ["f.contact2Name"] = "刘工", ["f.contact2Title"] = "项目经理", ["f.contact2Mobile"] = "13700137000",
        ["f.contact2Email"] = "pm@example.cn", ["f.reportDate"] = "2024-11-06", ["f.productName"] = product, ["f.field"] = "生物制药", ["f.kind"] = "重大创新型",
        ["f.highlights"] = "转化率提高40%。", ["f.licensed"] = "否", ["f.output"] = "1200", ["f.marketShare"] = "前10", ["f.domesticShare"] = "8.5", ["f.exports"] = "否",
        ["f.process"] = "高密度发酵、膜分离、层析纯化。", ["f.advantages"] = "成本下降25%。", ["f.sales"] = "近三年销售收入逐年增长。", ["f.prospects"] = "可替代进口。",
        ["f.ipNote"] = "发明专利5项。", ["f.standardNote"] = "无。", ["eq.1"] = "50 m³ 发酵罐 4 台\n5 m³ 种子罐 2 台", ["ip.count"] = "1",
        ["ip.0.name"] = "一种工程菌株", ["ip.0.category"] = "发明专利", ["ip.0.authority"] = "国家知识产权局", ["ip.0.granted"] = "2022-06-17", ["std.count"] = "0",
    };

    internal static string Uscc()
    {
        var body = "91440112MA5D0001R";
        return body + GzBioPlan.Domain.Rules.Uscc.CheckCharacter(body);
    }

    private long DemoDraftId() => app.WithDb(db => db.FlagshipApplications.Where(a => a.IsDemo && a.State == ApplicationState.Draft).OrderBy(a => a.Id).First().Id);

    private long ApplicationOf(string district, ApplicationState state) =>
        app.WithDb(db => db.FlagshipApplications.First(a => a.DistrictCode == district && a.State == state).Id);

    [Fact]
    public async Task The_notice_is_public_and_the_rest_needs_an_account()
    {
        var anonymous = app.Anonymous();
        var notice = await anonymous.GetStringAsync("/flagship");
        Assert.Contains("工信厅消费函〔2024〕382号", notice);
        Assert.Contains("2024年11月8日", notice);
        Assert.Contains("020-83120000", notice);
        Assert.Contains("已截止", notice);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/flagship/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/flagship/applications?batch=2024")).StatusCode);
    }

    [Fact]
    public async Task Each_role_sees_only_the_applications_it_may()
    {
        var applicant = await app.SignedIn(AccountSeederName);
        var own = DemoDraftId();
        var other = ApplicationOf(app.WithDb(db => db.FlagshipApplications.First(a => a.Id != own && a.DistrictCode != "440112").DistrictCode), ApplicationState.Verified);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/flagship/applications/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/flagship/applications/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/flagship/applications/{other}/print")).StatusCode);
        var mine = await Api(applicant);
        Assert.All(mine, a => Assert.Equal(own, a.GetProperty("id").GetInt64()));

        var huangpu = await app.SignedIn("huangpu");
        Assert.All(await Api(huangpu), a => Assert.Equal("440112", app.WithDb(db => db.FlagshipApplications.Find(a.GetProperty("id").GetInt64())!.DistrictCode)));
        Assert.Equal(HttpStatusCode.Forbidden, (await huangpu.GetAsync($"/flagship/applications/{other}")).StatusCode);
        Assert.Equal(10, (await Api(await app.SignedIn("office"))).Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/flagship/batches")).StatusCode);
        Assert.Contains("/access-denied", (await applicant.GetAsync("/flagship/batches/2024/summary.xlsx")).Headers.Location?.OriginalString);

        // Another's proof is not downloadable by guessing its number.
        var proof = app.WithDb(db => db.Attachments.First(a => a.Owner == "flagship" && a.OwnerId == other).Id);
        Assert.Contains("/access-denied", (await applicant.GetAsync($"/attachments/flagship/file/{proof}")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn("office")).GetAsync($"/attachments/flagship/file/{proof}")).StatusCode);
    }

    private const string AccountSeederName = GzBioPlan.Dashboard.Accounts.AccountSeeder.DemoApplicant;

    private static async Task<List<JsonElement>> Api(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync("/api/v1/flagship/applications?batch=2024")).RootElement.EnumerateArray()];

    [Fact]
    public async Task The_application_and_the_blank_form_download_as_word_documents_laid_out_as_the_seed()
    {
        var blank = DocxText(await app.Anonymous().GetByteArrayAsync("/flagship/batches/2024/blank-form.docx"));
        Assert.Contains("2024年生物制造标志性产品申请表", blank);
        Assert.Contains("填 报 须 知", blank);
        Assert.Contains("☐中央企业", blank);
        Assert.Contains("工业和信息化主管部门（盖章）", blank);

        var verified = app.WithDb(db => db.FlagshipApplications.First(a => a.State == ApplicationState.Verified && a.RecommendRank == 1));
        var office = await app.SignedIn("office");
        var response = await office.GetAsync($"/flagship/applications/{verified.Id}/form.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var text = DocxText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(verified.ProductName, text);
        Assert.Contains($"申请编号 {verified.Id} · 第 1 版", text);
        Assert.Contains("☑" + verified.Kind, text);
        Assert.Contains(verified.CityOpinion!, text);
        Assert.Contains("50 m³ 不锈钢发酵罐 4 台", text);
        Assert.Contains("/access-denied", (await (await app.SignedIn(AccountSeederName)).GetAsync($"/flagship/applications/{verified.Id}/form.docx")).Headers.Location?.OriginalString);
    }

    /// <summary>Every text of the document, its header included.</summary>
    private static string DocxText(byte[] bytes)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var parts = new[] { doc.MainDocumentPart!.Document.Body!.InnerText }.Concat(doc.MainDocumentPart.HeaderParts.Select(h => h.Header.InnerText));
        return string.Join("\n", parts);
    }

    [Fact]
    public async Task The_office_scores_verified_products_records_outcomes_and_the_library_lists_every_recommended_product()
    {
        var office = await app.SignedIn("office");
        var verified = app.WithDb(db => db.FlagshipApplications.First(a => a.State == ApplicationState.Verified && a.RecommendRank == null).Id);
        var criteria = app.WithDb(db => db.FlagshipBatches.First(b => b.Year == 2024).Criteria);
        List<KeyValuePair<string, string>> Scores(string expert, int value) =>
            [new("expert", expert), .. criteria.SelectMany(c => new[] { new KeyValuePair<string, string>("criterion", c.Name), new($"score.{c.Name}", $"{value}") })];
        Assert.Contains("0 至 100", Said(app, await Post(office, $"/flagship/applications/{verified}/score", Scores("专家丙", 120))));
        Assert.Contains("已记录专家评分", Said(app, await Post(office, $"/flagship/applications/{verified}/score", Scores("专家丙", 88))));
        Assert.Contains("88", await office.GetStringAsync($"/flagship/applications/{verified}"));
        Assert.Contains("专家评议由协调办录入", Said(app, await Post(await app.SignedIn("huangpu"), $"/flagship/applications/{verified}/score", Scores("专家丁", 60))));
        Assert.Contains("分 · 第", await office.GetStringAsync("/flagship/batches/2024/recommend"));

        var second = app.WithDb(db => db.FlagshipApplications.First(a => a.RecommendRank == 2).Id);
        Assert.Contains("只有列入推荐名单", Said(app, await Post(office, $"/flagship/applications/{verified}/outcome", new Dictionary<string, string> { ["step"] = "Selected", ["on"] = "2025-01-10", ["fixedName"] = "x" })));
        Assert.Contains("核定的产品名称", Said(app, await Post(office, $"/flagship/applications/{second}/outcome", new Dictionary<string, string> { ["step"] = "Selected", ["on"] = "2025-01-10" })));
        await Post(office, $"/flagship/applications/{second}/outcome", new Dictionary<string, string> { ["step"] = "Publicity", ["on"] = "2025-09-29" });
        Assert.Equal(new DateOnly(2025, 10, 17), app.WithDb(db => db.FlagshipApplications.Find(second)!.Outcomes[^1].Until));

        var published = await office.GetStringAsync("/flagship/library?outcome=Published");
        Assert.Contains("重组Ⅲ型人源化胶原蛋白", published);
        Assert.DoesNotContain("生物基 1,3-丙二醇", published);
        var sheet = WorkbookReader.Read(await office.GetByteArrayAsync("/flagship/library.xlsx?year=2024"))["标志性产品库"];
        Assert.Equal(2, sheet.Skip(2).Count(r => r[0] is not null));
        Assert.IsType<DateTime>(sheet.Skip(2).First()[10]);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn(AccountSeederName)).GetAsync("/flagship/library")).StatusCode);
    }

    [Fact]
    public async Task A_district_page_lists_its_applications_with_the_plans_key_area_and_the_roster_link()
    {
        var first = app.WithDb(db => db.FlagshipApplications.First(a => a.RecommendRank == 1));
        var page = await (await app.SignedIn("office")).GetStringAsync($"/districts/{first.DistrictCode}");
        var section = page[page.IndexOf("data-flagship-card", StringComparison.Ordinal)..];
        Assert.Contains(first.ProductName, section);
        Assert.Contains("<td>生物材料</td>", section); // 生物基材料 falls in the plan's 生物材料
        Assert.Contains("创新引领型企业", section); // the demo applicants are roster firms, by USCC
        Assert.Contains("推荐第 1 位", section);
        // A draft is the applicant's own business until submitted.
        var huangpu = await (await app.SignedIn("huangpu")).GetStringAsync("/districts/440112");
        Assert.DoesNotContain(app.WithDb(db => db.FlagshipApplications.First(a => a.Id == DemoDraftId())).ProductName, huangpu[huangpu.IndexOf("data-flagship-card", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task A_draft_saved_from_an_older_copy_is_refused_never_silently_overwritten()
    {
        var id = DemoDraftId();
        var first = await app.SignedIn(AccountSeederName);
        var second = await app.SignedIn(AccountSeederName);
        var revision = app.WithDb(db => db.FlagshipApplications.Find(id)!.Revision);
        var one = await Post(first, $"/flagship/applications/{id}/save", new Dictionary<string, string>(CompleteForm("甲的产品")) { ["revision"] = $"{revision}", ["intent"] = "save" });
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        var two = await Post(second, $"/flagship/applications/{id}/save", new Dictionary<string, string>(CompleteForm("乙的产品")) { ["revision"] = $"{revision}", ["intent"] = "save" });
        var page = await second.GetStringAsync(two.Headers.Location!.OriginalString);
        Assert.Contains("本次修改未保存", page);
        Assert.Equal("甲的产品", app.WithDb(db => db.FlagshipApplications.Find(id)!.ProductName));
    }

    [Fact]
    public async Task Submitting_an_incomplete_form_names_what_is_missing_and_changes_nothing_but_the_draft()
    {
        var id = DemoDraftId();
        var client = await app.SignedIn(AccountSeederName);
        var revision = app.WithDb(db => db.FlagshipApplications.Find(id)!.Revision);
        var fields = new Dictionary<string, string>(CompleteForm("产品")) { ["revision"] = $"{revision}", ["intent"] = "submit", ["declare"] = "on", ["f.highlights"] = new string('亮', 101) };
        fields.Remove("f.legalRep");
        var response = await Post(client, $"/flagship/applications/{id}/save", fields);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("未能提交", page);
        Assert.Contains("请填写「法定代表人」。", page);
        Assert.Contains("「产品创新亮点和优势」不超过 100 字，现为 101 字", page);
        Assert.Contains("请上传「营业执照或法人证书」", page);
        Assert.Contains("盖章扫描件", page);
        var saved = app.WithDb(db => db.FlagshipApplications.Find(id)!);
        Assert.Equal(ApplicationState.Draft, saved.State);
        Assert.Equal(0, saved.Version);
    }

    [Fact]
    public async Task From_application_to_recommendation_through_every_step()
    {
        var id = DemoDraftId();
        var applicant = await app.SignedIn(AccountSeederName);
        async Task Save(string intent, string product = "重组Ⅲ型胶原蛋白")
        {
            var revision = app.WithDb(db => db.FlagshipApplications.Find(id)!.Revision);
            var r = await Post(applicant, $"/flagship/applications/{id}/save", new Dictionary<string, string>(CompleteForm(product)) { ["revision"] = $"{revision}", ["intent"] = intent, ["declare"] = "on" });
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        await Save("save");
        foreach (var slot in new[] { "licence", "revenueProof", "rdProof", "profileProof", "ipProof", "stamped" })
            Assert.Contains("已上传", Said(app, await Upload(applicant, id, slot, FlagshipDemo.PlainPdf(slot), slot + ".pdf")));
        await Save("submit");
        var submitted = app.WithDb(db => db.FlagshipApplications.Find(id)!);
        Assert.Equal(ApplicationState.Submitted, submitted.State);
        Assert.Equal(1, submitted.Version);
        Assert.Equal("重组Ⅲ型胶原蛋白", submitted.ProductName);

        // Submitted: the applicant cannot change it or its proofs.
        var revisionNow = submitted.Revision;
        var refused = await Post(applicant, $"/flagship/applications/{id}/save", new Dictionary<string, string>(CompleteForm("改名")) { ["revision"] = $"{revisionNow}", ["intent"] = "save" });
        Assert.Contains("退回前不能修改", await applicant.GetStringAsync(refused.Headers.Location!.OriginalString));
        Assert.Contains("退回前不能修改", Said(app, await Upload(applicant, id, "licence", FlagshipDemo.PlainPdf("x"), "x.pdf")));

        // Another district's office cannot review it; its own returns it with a reason per field.
        var tianhe = await app.DistrictClient("440106");
        Assert.Contains("区初审由申报单位所在区的工信部门办理", Said(app, await Post(tianhe, $"/flagship/applications/{id}/review", new Dictionary<string, string> { ["decision"] = "pass", ["opinion"] = "同意" })));
        var huangpu = await app.SignedIn("huangpu");
        Assert.Contains("至少写明一处", Said(app, await Post(huangpu, $"/flagship/applications/{id}/review", new Dictionary<string, string> { ["decision"] = "return" })));
        await Post(huangpu, $"/flagship/applications/{id}/review", new Dictionary<string, string>
            { ["decision"] = "return", ["reason.0.field"] = "sales", ["reason.0.text"] = "请补充近三年销售收入。" });
        Assert.Equal(ApplicationState.Returned, app.WithDb(db => db.FlagshipApplications.Find(id)!.State));
        Assert.Contains("请补充近三年销售收入。", await applicant.GetStringAsync($"/flagship/applications/{id}"));

        // Fixed and resubmitted: the first stamped scan was of version 1, so version 2 needs a new one.
        await Save("submit");
        Assert.Equal(ApplicationState.Returned, app.WithDb(db => db.FlagshipApplications.Find(id)!.State));
        Assert.Contains("请上传第 2 版申请表的「盖章扫描件」", await applicant.GetStringAsync($"/flagship/applications/{id}?check=submit"));
        await Upload(applicant, id, "stamped", FlagshipDemo.PlainPdf("v2"), "v2.pdf");
        await Save("submit");
        Assert.Equal(2, app.WithDb(db => db.FlagshipApplications.Find(id)!.Version));

        await Post(huangpu, $"/flagship/applications/{id}/review", new Dictionary<string, string> { ["decision"] = "pass", ["opinion"] = "材料齐全，同意推荐。" });
        var office = await app.SignedIn("office");
        Assert.Contains("核实清单还有", Said(app, await Post(office, $"/flagship/applications/{id}/review",
            new Dictionary<string, string> { ["decision"] = "pass", ["opinion"] = "符合条件。", ["check"] = "authentic" })));
        var all = VerificationChecklist.Items.Select(i => new KeyValuePair<string, string>("check", i.Key))
            .Append(new("decision", "pass")).Append(new("opinion", "经核实，材料真实完整有效。")).ToList();
        await Post(office, $"/flagship/applications/{id}/review", all);
        var verified = app.WithDb(db => db.FlagshipApplications.Find(id)!);
        Assert.Equal(ApplicationState.Verified, verified.State);
        Assert.Equal("经核实，材料真实完整有效。", verified.CityOpinion);
        Assert.Equal(["新建", "提交", "区初审退回", "提交", "区初审通过", "市核实通过"],
            app.WithDb(db => db.ApplicationEvents.Where(e => e.ApplicationId == id).OrderBy(e => e.Id).Select(e => e.Action).ToList()));

        // The quota is 3 and two demo products are already recommended: a fourth is refused, a third taken.
        var verifiedIds = app.WithDb(db => db.FlagshipApplications.Where(a => a.State == ApplicationState.Verified).OrderBy(a => a.Id).Select(a => a.Id).ToList());
        List<KeyValuePair<string, string>> Rows(int count) => [.. verifiedIds.SelectMany((v, i) => new Dictionary<string, string>
        {
            ["id"] = $"{v}", [$"rank.{v}"] = i < count ? $"{i + 1}" : "", [$"reason.{v}"] = "技术国内领先。", [$"contact.{v}"] = "张敏 一级主任科员 工程师", [$"phone.{v}"] = "13800138000",
        })];
        Assert.Contains("超过本批次推荐名额（3 项）", Said(app, await Post(office, "/flagship/batches/2024/recommendation", Rows(4))));
        Assert.Contains("推荐名单已保存", Said(app, await Post(office, "/flagship/batches/2024/recommendation", Rows(3))));

        var workbook = WorkbookReader.Read(await office.GetByteArrayAsync("/flagship/batches/2024/summary.xlsx"))["推荐汇总表"];
        Assert.Equal("2024年生物制造标志性产品推荐汇总表", workbook[1][0]);
        Assert.Equal("工业和信息化主管部门（盖章）：", workbook[2][0]);
        Assert.Equal(["序号", "报送单位名称", "报送产品名称", "所属征集类型", "所属征集领域", "推荐理由", "工业和信息化主管部门联系人（姓名、职务、职称）", "联系方式（手机号码）"],
            workbook[3].Select(c => c?.ToString() ?? "").ToArray());
        Assert.Equal(3, workbook.Skip(4).Count(r => r[0] is not null));

        // The package to send: 附件2, and per product its Word form, its proofs and only the stamped scan of the recommended version.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await office.GetByteArrayAsync("/flagship/batches/2024/recommended.zip")));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.StartsWith("附件2-", names[0]);
        var ours = names.Where(n => n.Contains("重组Ⅲ型胶原蛋白", StringComparison.Ordinal)).ToList();
        Assert.Contains(ours, n => n.EndsWith("申请表-第2版.docx", StringComparison.Ordinal));
        Assert.Contains(ours, n => n.Contains("营业执照或法人证书-licence.pdf", StringComparison.Ordinal));
        Assert.Single(ours, n => n.Contains("盖章扫描件", StringComparison.Ordinal));
        Assert.Contains(ours, n => n.EndsWith("v2.pdf", StringComparison.Ordinal));
        Assert.Equal(3, names.Where(n => n.Contains('/')).Select(n => n.Split('/')[0]).Distinct().Count());
    }

    /// <summary>The sentence a post handed to the page it redirected to.</summary>
    internal static string Said(AppFactory app, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), response.Headers.Location!).Query);
        return app.Services.GetRequiredService<GzBioPlan.Dashboard.Shared.PageNotice>().Open(query["notice"]) ?? "";
    }

    [Fact]
    public async Task Renamed_oversized_or_broken_files_are_refused_and_only_the_attempt_is_kept()
    {
        var id = DemoDraftId();
        var applicant = await app.SignedIn(AccountSeederName);
        var before = app.WithDb(db => db.Attachments.Count());
        Assert.Contains("不是 PDF、JPG、PNG 格式", Said(app, await Upload(applicant, id, "licence", [0x4D, 0x5A, 0x90, 0x00, 0x03], "营业执照.pdf")));
        Assert.Contains("不完整", Said(app, await Upload(applicant, id, "licence", FlagshipDemo.PlainPdf("x")[..60], "营业执照.pdf")));
        Assert.Contains("超过 10 MB", Said(app, await Upload(applicant, id, "licence", new byte[10 * 1024 * 1024 + 1], "big.pdf")));
        Assert.Contains("没有这一类证明材料", Said(app, await Upload(applicant, id, "nonsense", FlagshipDemo.PlainPdf("x"), "x.pdf")));
        Assert.Equal(before, app.WithDb(db => db.Attachments.Count()));
        Assert.Equal(4, app.WithDb(db => db.AuditEntries.Count(e => e.Action == "attachment-refused")));
        // A notice in the URL that this server did not seal shows nothing.
        Assert.DoesNotContain("伪造", await applicant.GetStringAsync($"/flagship/applications/{id}?notice=伪造的提示"));
    }

    [Fact]
    public async Task A_district_office_opens_an_applicant_account_whose_first_sign_in_must_set_a_password()
    {
        var huangpu = await app.SignedIn("huangpu");
        async Task<string> Create(string name, string uscc, string district, string user)
        {
            var token = AppFactory.Antiforgery(await huangpu.GetStringAsync("/flagship/applicants"));
            var r = await huangpu.PostAsync("/flagship/applicants", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "create-applicant", ["__RequestVerificationToken"] = token, ["Input.Name"] = name, ["Input.Uscc"] = uscc, ["Input.District"] = district, ["Input.UserName"] = user,
            }));
            return await r.Content.ReadAsStringAsync();
        }
        Assert.Contains("区工信部门只能为本区的单位开通账号", await Create("广州另一区生物有限公司", Uscc(), "440106", "other"));
        Assert.Contains("第 15 位“V”不是允许的字符", await Create("广州示例新材料有限公司", "91440112MA5D00V1RX", "440112", "newfirm"));
        var page = await Create("广州示例新材料有限公司", Uscc(), "440112", "newfirm");
        var password = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "data-temporary-password>([^<]+)<").Groups[1].Value);
        Assert.Equal(14, password.Length);
        Assert.Contains("已登记为", await Create("重复登记有限公司", Uscc(), "440112", "again"));

        var firm = await app.SignedIn("newfirm", password);
        var landing = await firm.GetAsync("/flagship/applications");
        Assert.Equal("/account/password", landing.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await firm.GetAsync("/api/v1/flagship/applications")).StatusCode);
        var token = AppFactory.Antiforgery(await firm.GetStringAsync("/account/password"));
        var changed = await firm.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password", ["__RequestVerificationToken"] = token, ["Input.Current"] = password,
            ["Input.New"] = "MyOwn2026!pw", ["Input.Confirm"] = "MyOwn2026!pw",
        }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await firm.GetAsync("/flagship/applications")).StatusCode);
        Assert.Equal(1, app.WithDb(db => db.Applicants.Count(a => a.Uscc == Uscc())));
    }

    [Fact]
    public async Task The_office_opens_a_batch_on_working_days_and_a_closed_batch_is_read_only()
    {
        var office = await app.SignedIn("office");
        Dictionary<string, string> Batch(string applicantDeadline) => new()
        {
            ["creating"] = "1", ["year"] = "2026", ["callTitle"] = "工业和信息化部办公厅关于开展2026年生物制造标志性产品征集工作的通知", ["callNumber"] = "工信厅消费函〔2026〕1号",
            ["noticeTitle"] = "广东省工业和信息化厅转发通知", ["noticeNumber"] = "2026年11月20日", ["applicantDeadline"] = applicantDeadline, ["districtDeadline"] = "2026-12-16",
            ["provinceDeadline"] = "2026-12-20", ["quota"] = "3", ["contacts"] = "张敏 020-83120000", ["postalAddress"] = "广州市越秀区", ["email"] = "a@example.cn",
            ["fields"] = "食品及添加剂\n生物制药", ["kinds"] = "重大创新型\n关键提升型\n规模替代型", ["criteria"] = "技术先进性 60\n市场前景 40",
        };
        Assert.Contains("不是工作日", Said(app, await Post(office, "/flagship/batches/save", Batch("2026-12-12"), "/flagship/batches")));
        Assert.Contains("已开启 2026 年征集批次", Said(app, await Post(office, "/flagship/batches/save", Batch("2026-12-11"), "/flagship/batches")));
        Assert.Contains("2026 年", await app.Anonymous().GetStringAsync("/flagship"));
        Assert.Contains("征集批次由协调办管理", Said(app, await Post(await app.SignedIn("huangpu"), "/flagship/batches/save", Batch("2026-12-11"))));

        await Post(office, "/flagship/batches/2024/close", [], "/flagship/batches");
        var edit = new Dictionary<string, string>(Batch("2026-12-11")) { ["creating"] = "0", ["year"] = "2024" };
        Assert.Contains("已关闭", Said(app, await Post(office, "/flagship/batches/save", edit, "/flagship/batches")));
        var applicant = await app.SignedIn(AccountSeederName);
        Assert.Contains("批次已关闭", Said(app, await Upload(applicant, DemoDraftId(), "licence", FlagshipDemo.PlainPdf("x"), "x.pdf")));
    }
}
