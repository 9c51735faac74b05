using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Ingest.Jobs;
using Quartz;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Admin;

/// <summary>
/// The per-account actions of 账号管理 (reset password, disable, enable, rebind) and 定时任务's run-now. Each is a form post
/// with an antiforgery token that redirects back to the list with the outcome in the URL.
/// </summary>
public static class UserAdminEndpoints
{
    public static IEndpointRouteBuilder MapUserAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/users/{id}").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        group.MapPost("/reset-password", async Task<Results<RedirectHttpResult, NotFound>> (string id, [FromForm] string? password,
            UserManager<AppUser> users, ApiTokenService tokens, AuditTrail audit, ILogger<AppUser> log, CancellationToken ct) =>
        {
            if (await users.FindByIdAsync(id) is not { } user) return TypedResults.NotFound();
            if (string.IsNullOrWhiteSpace(password)) return Back("password-empty", user);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var result = await users.ResetPasswordAsync(user, token, password);
            if (!result.Succeeded) return Back(result.Errors.Any(e => e.Code == "PasswordReused") ? "password-reused" : "password-weak", user);
            await users.SetLockoutEndDateAsync(user, user.Disabled ? DateTimeOffset.MaxValue : null);
            await users.ResetAccessFailedCountAsync(user);
            // A reset ends whatever the old password opened: sessions (the reset renewed the stamp) and tokens.
            var revoked = await tokens.RevokeAllAsync(user.Id, ct);
            await audit.RecordAsync(AuditActions.PasswordReset, user.UserName, $"撤销访问令牌 {revoked} 个", ct);
            log.LogInformation("Password of {UserName} reset by an admin ({Revoked} tokens revoked)", user.UserName, revoked);
            return Back("reset", user);
        }).RequireAntiforgeryToken();

        group.MapPost("/disable", (string id, HttpContext http, UserManager<AppUser> users, ApiTokenService tokens, AuditTrail audit, ILogger<AppUser> log) =>
            SetDisabled(id, true, http, users, tokens, audit, log)).RequireAntiforgeryToken();
        group.MapPost("/enable", (string id, HttpContext http, UserManager<AppUser> users, ApiTokenService tokens, AuditTrail audit, ILogger<AppUser> log) =>
            SetDisabled(id, false, http, users, tokens, audit, log)).RequireAntiforgeryToken();

        group.MapPost("/binding", async Task<Results<RedirectHttpResult, NotFound>> (string id, [FromForm] string? district, [FromForm] string? unit,
            UserManager<AppUser> users, AppDbContext db, AuditTrail audit, CancellationToken ct) =>
        {
            if (await users.FindByIdAsync(id) is not { } user) return TypedResults.NotFound();
            var roles = await users.GetRolesAsync(user);
            if (roles.Contains(Roles.District))
            {
                if (district is null || !await db.Districts.AnyAsync(d => d.Code == district, ct)) return Back("district-required", user);
                user.DistrictCode = district;
            }
            else if (roles.Contains(Roles.Unit))
            {
                if (unit is null || !await db.Units.AnyAsync(u => u.Code == unit, ct)) return Back("unit-required", user);
                user.UnitCode = unit;
            }
            else return Back("no-binding", user);
            await users.UpdateAsync(user);
            // The binding is in the sign-in cookie; renewing the stamp makes the user sign in again.
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AuditActions.AccountBinding, user.UserName, user.DistrictCode ?? user.UnitCode, ct);
            return Back("bound", user);
        }).RequireAntiforgeryToken();
        app.MapPost("/admin/jobs/{name}/run", async Task<Results<RedirectHttpResult, NotFound>> (string name, ISchedulerFactory schedulers, IEnumerable<ScheduledJob> jobs) =>
        {
            if (!jobs.Any(j => j.Key.Name == name)) return TypedResults.NotFound();
            await (await schedulers.GetScheduler()).TriggerJob(new JobKey(name));
            return TypedResults.Redirect($"/admin/jobs?done={name}");
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin)).RequireAntiforgeryToken();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, NotFound>> SetDisabled(string id, bool disabled, HttpContext http, UserManager<AppUser> users, ApiTokenService tokens,
        AuditTrail audit, ILogger log)
    {
        if (await users.FindByIdAsync(id) is not { } user) return TypedResults.NotFound();
        if (disabled && user.Id == users.GetUserId(http.User)) return Back("self", user);
        user.Disabled = disabled;
        await users.UpdateAsync(user);
        // Disabling locks the account for good and ends its sessions; enabling lifts both.
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        if (disabled) await tokens.RevokeAllAsync(user.Id, http.RequestAborted);
        await audit.RecordAsync(disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, user.UserName, null, http.RequestAborted);
        log.LogInformation("Account {UserName} {Action} by an admin", user.UserName, disabled ? "disabled" : "enabled");
        return Back(disabled ? "disabled" : "enabled", user);
    }

    private static RedirectHttpResult Back(string outcome, AppUser user) =>
        TypedResults.Redirect($"/admin/users?done={outcome}&user={Uri.EscapeDataString(user.UserName ?? "")}");
}
