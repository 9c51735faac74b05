using System.Net;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace GzBioPlan.Tests.Hosting;

/// <summary>Outside demo mode: no demo data, no demo accounts, the first admin from configuration.</summary>
public class ProductionSetupTests
{
    private sealed class ProductionApp : AppFactory
    {
        protected override bool Demo => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Admin:UserName", "root");
            builder.UseSetting("Admin:Password", "Str0ng-enough");
        }
    }

    [Fact]
    public async Task Starts_with_the_plan_but_no_demo_data_and_only_the_configured_admin()
    {
        await using var app = new ProductionApp();
        var anonymous = app.Anonymous();
        var login = await anonymous.PostAsync("/login", await AppFactory.LoginForm(anonymous, "leader", "Demo2024!"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // no demo account

        var admin = await app.SignedIn("root", "Str0ng-enough");
        var html = await admin.GetStringAsync("/");
        Assert.DoesNotContain("演示数据", html);
        Assert.Contains("未报告", html);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(html, "data-item=\"").Count);
        Assert.False(app.WithDb(db => db.IndicatorValues.Any()));
        Assert.Equal(1, app.WithDb(db => db.Users.Count()));
    }
}
