using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Tests.Support;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Flagship;

public class FlagshipBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    /// <summary>Where to keep screenshots when a person asks for them (<c>GZ_SCREENSHOTS=/some/folder</c>); otherwise none are taken.</summary>
    private static readonly string? Shots = Environment.GetEnvironmentVariable("GZ_SCREENSHOTS");

    private static async Task Shot(IPage page, string name)
    {
        if (Shots is null) return;
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task An_applicant_fills_attaches_and_submits_the_district_passes_the_office_verifies_recommends_and_exports_附件2()
    {
        var id = browser.App.WithDb(db => db.FlagshipApplications.Where(a => a.IsDemo && a.State == ApplicationState.Draft).OrderBy(a => a.Id).First().Id);
        var applicant = await browser.SignedInPage(Dashboard.Accounts.AccountSeeder.DemoApplicant);
        applicant.Dialog += (_, dialog) => dialog.AcceptAsync();
        Assert.EndsWith("/flagship/applications", applicant.Url);
        await applicant.ClickAsync($"tr[data-application='{id}'] a");
        var form = applicant.Locator("form[data-application-form]");
        foreach (var (name, value) in FlagshipTests.CompleteForm("重组Ⅲ型人源化胶原蛋白").Where(f => f.Key.StartsWith("f.", StringComparison.Ordinal) || f.Key.StartsWith("eq.", StringComparison.Ordinal) || f.Key.StartsWith("ip.0", StringComparison.Ordinal)))
        {
            var field = form.Locator($"[name='{name}']");
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT") await field.SelectOptionAsync(value);
            else await field.FillAsync(value);
        }
        // The live counter counts as the server does: 17 characters, the spaces not counted.
        await form.Locator("[name='f.highlights']").FillAsync("转化率 提高 40%，能耗降低 30%。");
        Assert.Equal("已填 17 / 100 字（不计空格）", await applicant.InnerTextAsync("[data-count-for='f.highlights']"));
        await Shot(applicant, "flagship-form-1440");
        await applicant.ClickAsync("button[name=intent][value=save]");
        await applicant.Locator("[data-notice]", new() { HasText = "草稿已保存" }).WaitForAsync();

        foreach (var slot in new[] { "licence", "revenueProof", "rdProof", "profileProof", "ipProof", "stamped" })
        {
            var box = applicant.Locator($"[data-slot='{slot}']");
            var path = Path.Combine(Path.GetTempPath(), $"gz-{slot}-{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(path, FlagshipDemo.PlainPdf(slot));
            await box.Locator("input[type=file]").SetInputFilesAsync(path);
            await box.Locator("button[type=submit]", new() { HasText = "上传" }).ClickAsync();
            await applicant.Locator($"[data-slot='{slot}'] li[data-file]").First.WaitForAsync();
            File.Delete(path);
        }
        await applicant.CheckAsync("input[name=declare]");
        await applicant.ClickAsync("button[name=intent][value=submit]");
        await applicant.Locator("[data-state=Submitted]").WaitForAsync();

        var district = await browser.SignedInPage("huangpu");
        district.Dialog += (_, dialog) => dialog.AcceptAsync();
        await district.GotoAsync($"/flagship/applications/{id}");
        await district.FillAsync("[data-review=district] textarea[name=opinion]", "经初审，材料齐全，同意推荐。");
        await district.ClickAsync("[data-review=district] button[value=pass]");
        await district.Locator("[data-state=DistrictPassed]").WaitForAsync();

        var office = await browser.SignedInPage("office");
        office.Dialog += (_, dialog) => dialog.AcceptAsync();
        await office.GotoAsync($"/flagship/applications/{id}");
        foreach (var box in await office.Locator("[data-review=city] input[name=check]").AllAsync()) await box.CheckAsync();
        await office.FillAsync("[data-review=city] textarea[name=opinion]", "经核实，材料真实、完整、有效。");
        await office.ClickAsync("[data-review=city] button[value=pass]");
        await office.Locator("[data-state=Verified]").WaitForAsync();

        await office.GotoAsync("/flagship/batches/2024/recommend");
        var row = office.Locator($"tr[data-application='{id}']");
        await row.Locator("input[name^=rank]").FillAsync("3");
        await row.Locator("textarea").FillAsync("胶原蛋白重组表达技术国内领先，已规模化生产。");
        await row.Locator("input[name^=contact]").FillAsync("张敏 一级主任科员 工程师");
        await row.Locator("input[name^=phone]").FillAsync("13800138000");
        await office.ClickAsync("form[data-recommend] button[type=submit]");
        await office.Locator("[data-notice]", new() { HasText = "推荐名单已保存" }).WaitForAsync();
        await Shot(office, "flagship-recommend-1440");

        var download = await office.RunAndWaitForDownloadAsync(() => office.ClickAsync("a[href$='summary.xlsx']"));
        var sheet = WorkbookReader.Read(await File.ReadAllBytesAsync(await download.PathAsync()))["推荐汇总表"];
        var third = sheet.Single(r => r[0]?.ToString() == "3");
        Assert.Equal("重组Ⅲ型人源化胶原蛋白", third[2]);
        Assert.Equal("13800138000", third[7]);

        if (Shots is not null)
        {
            await applicant.GotoAsync($"/flagship/applications/{id}/print");
            await Shot(applicant, "flagship-print");
            var phone = await browser.SignedInPage("huangpu", new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
            await phone.GotoAsync($"/flagship/applications/{id}");
            await Shot(phone, "flagship-application-390");
            await phone.GotoAsync("/flagship/applications");
            await Shot(phone, "flagship-list-390");
            var anonymous = await browser.SignedInPage("", new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
            await anonymous.GotoAsync("/flagship");
            await Shot(anonymous, "flagship-notice-390");
        }
    }

    [Fact]
    public async Task An_organisation_registers_with_its_licence_and_its_district_approves_it()
    {
        var uscc = RegistrationTests.Uscc("91440112MA5CT0RM2");
        var phone = await browser.SignedInPage("", new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await phone.GotoAsync("/flagship");
        await phone.ClickAsync("a[data-register-link]");
        var form = phone.Locator("form[data-register]");
        await form.Locator("[name='Input.Name']").FillAsync("广州浏览器注册生物科技有限公司");
        await form.Locator("[name='Input.Uscc']").FillAsync(uscc);
        await form.Locator("[name='Input.District']").SelectOptionAsync("440112");
        await form.Locator("[name='Input.ContactName']").FillAsync("黄晓");
        await form.Locator("[name='Input.ContactMobile']").FillAsync("13600136000");
        await form.Locator("[name='Input.ContactEmail']").FillAsync("huangxiao@example.cn");
        await form.Locator("[name='Input.UserName']").FillAsync("browser-reg");
        await form.Locator("[name='Input.Password']").FillAsync("Firm-Pass2024");
        await form.Locator("[name='Input.ConfirmPassword']").FillAsync("Firm-Pass2024");
        var licence = Path.Combine(Path.GetTempPath(), $"gz-licence-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(licence, FlagshipDemo.PlainPdf("business licence"));
        await form.Locator("input[type=file]").SetInputFilesAsync(licence);
        await Shot(phone, "flagship-register-390");
        await form.Locator("button[type=submit]").ClickAsync();
        await phone.Locator("[data-registered]").WaitForAsync();
        File.Delete(licence);

        var district = await browser.SignedInPage("huangpu");
        district.Dialog += (_, dialog) => dialog.AcceptAsync();
        await district.GotoAsync("/flagship/applicants");
        var row = district.Locator($"[data-registration='{uscc}']");
        Assert.Contains("huangxiao@example.cn", await row.InnerTextAsync());
        await Shot(district, "flagship-registrations-1440");
        await row.Locator("button[value=approve]").ClickAsync();
        await district.Locator("[data-notice]", new() { HasText = "已通过注册" }).WaitForAsync();
        var firm = await browser.SignedInPage("browser-reg", "Firm-Pass2024");
        Assert.EndsWith("/flagship/applications", firm.Url);
    }
}
