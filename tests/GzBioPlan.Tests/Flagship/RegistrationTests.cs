using System.Net;
using System.Net.Http.Headers;
using GzBioPlan.Dashboard.Flagship;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Flagship;

/// <summary>An organisation registers itself from the notice page; its district office approves or refuses it.</summary>
public class RegistrationTests : IAsyncLifetime
{
    private readonly SmtpSink smtp = new();
    private readonly AppFactory app = new();

    public ValueTask InitializeAsync()
    {
        app.Settings["Mail:Host"] = "127.0.0.1";
        app.Settings["Mail:Port"] = smtp.Port.ToString();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        smtp.Dispose();
    }

    internal static string Uscc(string body) => body + GzBioPlan.Domain.Rules.Uscc.CheckCharacter(body);

    private static readonly byte[] Pdf = GzBioPlan.Domain.Demo.FlagshipDemo.PlainPdf("business licence");

    private static async Task<string> Register(HttpClient client, string uscc, string userName, byte[]? licence = null, string district = "440112",
        string password = "Bio-Reg2024", string confirm = "Bio-Reg2024", string name = "广州注册测试生物科技有限公司")
    {
        var token = AppFactory.Antiforgery(await client.GetStringAsync("/flagship/register"));
        using var content = new MultipartFormDataContent();
        foreach (var (k, v) in new Dictionary<string, string>
                 {
                     ["__RequestVerificationToken"] = token, ["_handler"] = "register", ["Input.Name"] = name, ["Input.Uscc"] = uscc,
                     ["Input.District"] = district, ["Input.ContactName"] = "周敏", ["Input.ContactMobile"] = "13800138000",
                     ["Input.ContactEmail"] = "zhoumin@example.cn", ["Input.UserName"] = userName, ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm,
                 })
            content.Add(new StringContent(v), k);
        var file = new ByteArrayContent(licence ?? Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "licence", "营业执照.pdf");
        var response = await client.PostAsync("/flagship/register", content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.TooManyRequests) return "429 " + text;
        // The outcome the page states: the confirmation, or the one error it names.
        return text.Contains("data-registered") ? "已提交注册"
            : System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(text, "data-error>([^<]*)<").Groups[1].Value) is { Length: > 0 } error ? error
            : $"{(int)response.StatusCode} 页面没有结果";
    }

    private async Task<string> SignInPage(string userName, string password = "Bio-Reg2024")
    {
        var client = app.Anonymous();
        var response = await client.PostAsync("/login", await AppFactory.LoginForm(client, userName, password));
        return response.StatusCode == HttpStatusCode.Redirect ? "redirect" : System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private long ApplicantId(string uscc) => app.WithDb(db => db.Applicants.Single(a => a.Uscc == uscc).Id);

    private static async Task<HttpResponseMessage> Review(HttpClient client, long id, string decision, string reason = "") =>
        await FlagshipTests.Post(client, $"/flagship/applicants/{id}/registration", [new("decision", decision), new("reason", reason)], "/flagship/applicants");

    [Fact]
    public async Task A_registration_waits_for_its_district_and_then_signs_in()
    {
        var uscc = Uscc("91440112MA5CT0RG3");
        var notice = await app.Anonymous().GetStringAsync("/flagship");
        Assert.Contains("href=\"/flagship/register\"", notice);
        Assert.Contains("已提交注册", await Register(app.Anonymous(), uscc, "reg-firm"));
        var applicant = app.WithDb(db => db.Applicants.Single(a => a.Uscc == uscc));
        Assert.Equal(ApplicantStatus.Pending, applicant.Status);
        Assert.Equal("zhoumin@example.cn", applicant.ContactEmail);
        Assert.Contains("等待所在区工信部门审核", await SignInPage("reg-firm"));
        Assert.Contains("用户名或密码不正确", await SignInPage("reg-firm", "Wrong-Pass1"));

        // Another district neither sees it nor may decide it.
        var tianhe = await app.DistrictClient("440106");
        Assert.DoesNotContain(uscc, await tianhe.GetStringAsync("/flagship/applicants"));
        Assert.Contains("只有该单位所在区的工信部门或协调办", FlagshipTests.Said(app, await Review(tianhe, applicant.Id, "approve")));
        Assert.Equal(ApplicantStatus.Pending, app.WithDb(db => db.Applicants.Single(a => a.Uscc == uscc).Status));

        var huangpu = await app.SignedIn("huangpu");
        var todo = await huangpu.GetStringAsync("/todo");
        Assert.Contains("申请注册为标志性产品征集的申报单位", todo);
        var list = await huangpu.GetStringAsync("/flagship/applicants");
        Assert.Contains($"data-registration=\"{uscc}\"", list);
        var licence = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/attachments/applicant/file/\\d+)\"").Groups[1].Value;
        Assert.Equal(Pdf, await huangpu.GetByteArrayAsync(licence));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync(licence)).StatusCode);
        Assert.Contains("/access-denied", (await tianhe.GetAsync(licence)).Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await Review(huangpu, applicant.Id, "approve")).StatusCode);
        Assert.Equal(ApplicantStatus.Approved, app.WithDb(db => db.Applicants.Single(a => a.Uscc == uscc).Status));
        Assert.Equal("redirect", await SignInPage("reg-firm"));
        var mail = Assert.Single(smtp.Decoded());
        Assert.Contains("zhoumin@example.cn", mail);
        Assert.Contains("注册已通过", mail);
        Assert.Contains("已通过", await (await app.SignedIn("reg-firm", "Bio-Reg2024")).GetStringAsync("/todo"));
        Assert.Contains("不能再审核", FlagshipTests.Said(app, await Review(huangpu, applicant.Id, "refuse", "重复操作测试")));
    }

    [Fact]
    public async Task A_refusal_says_why_and_the_organisation_may_register_again()
    {
        var uscc = Uscc("91440112MA5CT0RH1");
        Assert.Contains("已提交注册", await Register(app.Anonymous(), uscc, "reg-again"));
        var id = ApplicantId(uscc);
        var office = await app.SignedIn("office");
        Assert.Contains("写明理由", FlagshipTests.Said(app, await Review(office, id, "refuse")));
        await Review(office, id, "refuse", "营业执照上的名称与填写的单位全称不一致");
        Assert.Contains("注册未通过：营业执照上的名称与填写的单位全称不一致", await SignInPage("reg-again"));
        Assert.Contains("未通过", smtp.Decoded().Single());

        Assert.Contains("已提交注册", await Register(app.Anonymous(), uscc, "reg-again", name: "广州注册测试生物科技股份有限公司"));
        var again = app.WithDb(db => db.Applicants.Single(a => a.Uscc == uscc));
        Assert.Equal(("广州注册测试生物科技股份有限公司", ApplicantStatus.Pending), (again.Name, again.Status));
        Assert.Equal(1, app.WithDb(db => db.Attachments.Count(a => a.Owner == ApplicantFiles.Owner && a.OwnerId == again.Id)));
    }

    [Fact]
    public async Task Bad_registrations_are_refused_in_Chinese_and_keep_nothing()
    {
        var client = app.Anonymous();
        var uscc = Uscc("91440112MA5CT0RJ8");
        var exe = "MZ\x90\0\x03\0\0\0"u8.ToArray().Concat(new byte[200]).ToArray();
        Assert.Contains("文件内容不是 PDF", await Register(client, uscc, "reg-bad", licence: exe));
        Assert.Contains("两次输入的密码不一致", await Register(client, uscc, "reg-bad", confirm: "Other-Pass1"));
        var wrongCheck = uscc[..17] + (uscc[17] == '0' ? '1' : '0');
        Assert.Contains("校验位不正确", await Register(client, wrongCheck, "reg-bad"));
        Assert.Contains("请选择所属区", await Register(client, uscc, "reg-bad", district: "999999"));
        var existing = app.WithDb(db => db.Applicants.First(a => a.IsDemo).Uscc);
        Assert.Contains("一个单位只登记一次", await Register(client, existing, "reg-bad"));
        Assert.Contains("已被使用", await Register(client, uscc, "office"));
        Assert.Contains("密码", await Register(client, uscc, "reg-bad", password: "short", confirm: "short"));
        Assert.False(app.WithDb(db => db.Applicants.Any(a => a.Uscc == uscc)));
        Assert.Null(app.WithDb(db => db.Users.FirstOrDefault(u => u.UserName == "reg-bad")));
        Assert.True(app.WithDb(db => db.AuditEntries.Any(e => e.Action == AuditActions.AttachmentRefused && e.Target!.Contains(uscc))));
    }

    [Fact]
    public async Task Registrations_from_one_address_are_limited()
    {
        await using var limited = new AppFactory();
        limited.Settings["Flagship:RegistrationsPerHour"] = "2";
        var client = limited.Anonymous();
        Assert.Contains("两次输入的密码不一致", await Register(client, Uscc("91440112MA5CT0RK6"), "reg-x", confirm: "x"));
        Assert.Contains("已提交注册", await Register(client, Uscc("91440112MA5CT0RK6"), "reg-x"));
        Assert.StartsWith("429 本机提交注册过于频繁", await Register(client, Uscc("91440112MA5CT0RL4"), "reg-y"));
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/flagship/register")).StatusCode);
    }
}
