using System.Net;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Admin;

public class HolidayAdminTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<HttpResponseMessage> Post(HttpClient client, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync("/admin/holidays?year=2027"));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_admin_marks_a_day_off_and_the_deadline_moves_past_it()
    {
        var admin = await app.SignedIn("admin");
        var page = await admin.GetStringAsync("/admin/holidays?year=2026");
        Assert.Contains("data-date=\"2026-10-01\"", page); // seeded 国庆节
        Assert.Contains("调休上班", page);
        var district = await app.SignedIn("huangpu");
        Assert.Contains("填报截止日 2027年1月15日", await district.GetStringAsync("/reporting?period=2026Q4"));

        var added = await Post(admin, "/admin/holidays", new() { ["date"] = "2027-01-15", ["kind"] = "Holiday", ["name"] = "临时调整" });
        Assert.Equal("/admin/holidays?year=2027&done=added", added.Headers.Location!.OriginalString);
        Assert.Contains("填报截止日 2027年1月18日", await district.GetStringAsync("/reporting?period=2026Q4"));

        var removed = await Post(admin, "/admin/holidays/2027-01-15/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("填报截止日 2027年1月15日", await district.GetStringAsync("/reporting?period=2026Q4"));
    }

    [Fact]
    public async Task Bad_input_is_refused_and_only_the_admin_may_edit()
    {
        var admin = await app.SignedIn("admin");
        var count = app.WithDb(db => db.CalendarDays.Count());
        Assert.Contains("error=date", (await Post(admin, "/admin/holidays", new() { ["date"] = "2099-01-01", ["kind"] = "Holiday", ["name"] = "x" })).Headers.Location!.OriginalString);
        Assert.Contains("error=name", (await Post(admin, "/admin/holidays", new() { ["date"] = "2027-03-01", ["kind"] = "Holiday", ["name"] = "" })).Headers.Location!.OriginalString);
        Assert.Contains("error=kind", (await Post(admin, "/admin/holidays", new() { ["date"] = "2027-03-01", ["kind"] = "7", ["name"] = "x" })).Headers.Location!.OriginalString);
        Assert.Equal(count, app.WithDb(db => db.CalendarDays.Count()));

        var office = await app.SignedIn("office");
        Assert.StartsWith("/access-denied", (await office.GetAsync("/admin/holidays")).Headers.Location!.PathAndQuery);
        var token = AppFactory.Antiforgery(await office.GetStringAsync("/"));
        var post = await office.PostAsync("/admin/holidays", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["date"] = "2027-03-01", ["kind"] = "Holiday", ["name"] = "越权",
        }));
        Assert.StartsWith("/access-denied", post.Headers.Location!.PathAndQuery);
        Assert.Equal(count, app.WithDb(db => db.CalendarDays.Count()));
    }
}
