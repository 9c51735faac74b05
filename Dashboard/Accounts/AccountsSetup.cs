using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Dashboard.PageCache;
using System.Security.Claims;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GzBioPlan.Dashboard.Accounts;

public static class AccountsSetup
{
    private const string SelectScheme = "CookieOrToken";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Scripted clients send a bearer token; browsers carry the sign-in cookie.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectScheme;
                o.DefaultChallengeScheme = SelectScheme;
            })
            // A token reaches the API and nothing else: on pages and form posts the header is ignored, so a token
            // can neither fetch an antiforgery token nor post a form (mint tokens, change accounts).
            // A static asset is the same file for everyone: its requests do not read the sign-in cookie at all.
            .AddPolicyScheme(SelectScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.GetEndpoint()?.Metadata.GetMetadata<Hosting.StaticAsset>() is not null ? Hosting.StaticAsset.Scheme
                : ctx.Request.Path.StartsWithSegments("/api/v1")
                  && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, Hosting.StaticAsset.Anonymous>(Hosting.StaticAsset.Scheme, null)
            .AddIdentityCookies();
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<SignInThrottle>();
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        services.AddIdentityCore<AppUser>(o =>
            {
                // Lockout stays on only as the mark of a disabled account: failed sign-ins are throttled (SignInThrottle), never locked.
                o.Lockout.AllowedForNewUsers = true;
                // PasswordRule (AppPasswordValidator) is the one rule; Identity's own checks are off so it is not told twice.
                o.Password.RequiredLength = 0;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<AppUserStore>()
            .AddPasswordValidator<AppPasswordValidator>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "gzbioplan";
            // 等保 2.0: a session left idle ends (sliding: every request within the window renews it).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Clamp(builder.Configuration.GetValue("Accounts:IdleTimeoutMinutes", 30), 5, 480));
            o.SlidingExpiration = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ctx => ctx.HttpContext.RequestServices.GetRequiredService<SessionCheck>().ValidateAsync(ctx);
        });
        services.AddSingleton<SessionCheck>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, KeptTickets.Setup>();
        services.AddPersonalPart<SignedInAs>();
        services.AddSingleton<DataVersionWatch>();
        services.AddAuthorizationBuilder().AddAppPolicies();

        // Keys sign cookies and antiforgery tokens; in the app's database they survive restarts and every node shares them.
        services.AddDataProtection().SetApplicationName("GzBioPlan").PersistKeysToDbContext<AppDbContext>();
        return builder;
    }

    /// <summary>
    /// An account whose password someone else chose (a temporary one shown once) reaches nothing but 修改密码 and 退出
    /// until it sets its own; the API answers 403.
    /// </summary>
    public static IApplicationBuilder UseTemporaryPasswordCheck(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.User.MustChangePassword() || context.Request.Path.StartsWithSegments("/account/password")
            || context.Request.Path.StartsWithSegments("/logout") || context.GetEndpoint()?.Metadata.GetMetadata<Hosting.StaticAsset>() is not null)
            return next(context);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        context.Response.Redirect("/account/password");
        return Task.CompletedTask;
    });

    /// <summary>Browsers are sent to the login page; API callers get a plain status code.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Claim types carried by the sign-in cookie.</summary>
public static class AppClaims
{
    public const string DistrictType = "gz:district";
    public const string UnitType = "gz:unit";
    public const string DisplayNameType = "gz:name";
    public const string ApplicantType = "gz:applicant";
    public const string MustChangePasswordType = "gz:must-change-password";

    public static string? District(this ClaimsPrincipal user) => user.FindFirstValue(DistrictType);
    public static string? Unit(this ClaimsPrincipal user) => user.FindFirstValue(UnitType);
    /// <summary>A 申报单位 account's organisation.</summary>
    public static long? ApplicantId(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Applicant) && long.TryParse(user.FindFirstValue(ApplicantType), out var id) ? id : null;

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePasswordType);

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(DisplayNameType) ?? user.Identity?.Name ?? "";

    /// <summary>Leaders, the coordination office, municipal units and admins read the whole city.</summary>
    public static bool SeesCity(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Coordination) || user.IsInRole(Roles.Unit) || user.IsInRole(Roles.Admin);

    public static bool MaySeeDistrict(this ClaimsPrincipal user, string districtCode) =>
        user.SeesCity() || (user.IsInRole(Roles.District) && user.District() == districtCode);

    /// <summary>Only a district office uploads, and only for its own district.</summary>
    public static bool MayUploadFor(this ClaimsPrincipal user, string districtCode) =>
        user.IsInRole(Roles.District) && user.District() == districtCode;

    /// <summary>Accept, return, unlock and exempt: the coordination office's work.</summary>
    public static bool Reviews(this ClaimsPrincipal user) => user.IsInRole(Roles.Coordination);
}

internal sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayNameType, user.DisplayName));
        if (user.DistrictCode is { } d) identity.AddClaim(new Claim(AppClaims.DistrictType, d));
        if (user.UnitCode is { } u) identity.AddClaim(new Claim(AppClaims.UnitType, u));
        if (user.ApplicantId is { } a) identity.AddClaim(new Claim(AppClaims.ApplicantType, a.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.MustChangePassword) identity.AddClaim(new Claim(AppClaims.MustChangePasswordType, "1"));
        return identity;
    }
}
