using GzBioPlan.Dashboard.Attachments;
using System.Threading.RateLimiting;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Ingest.Jobs;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>标志性产品征集: batches and the notice, applicants, the 申请表, its proofs, review, recommendation and 附件2.</summary>
public static class FlagshipFeature
{
    /// <summary>The rate limit on self-registration (a form anyone may post): per client address, posts only.</summary>
    public const string RegistrationLimit = "flagship-registration";

    public static IHostApplicationBuilder AddFlagship(this IHostApplicationBuilder builder)
    {
        var perHour = builder.Configuration.GetValue("Flagship:RegistrationsPerHour", 10);
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RegistrationLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(AuditTrail.AddressOf(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1) })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("本机提交注册过于频繁，请一小时后再试；如需帮助，请联系所在区工信部门。", ct);
            };
        });
        builder.Services.AddScoped<FlagshipService>();
        builder.Services.AddScoped<BatchEditing>();
        builder.Services.AddScoped<ApplicantAccounts>();
        builder.Services.AddScoped<IAttachmentOwner, FlagshipAttachments>();
        builder.Services.AddScoped<IAttachmentOwner, FlagshipBatchFiles>();
        builder.Services.AddScoped<IAttachmentOwner, ApplicantFiles>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(FlagshipOptions.Section).Get<FlagshipOptions>() ?? new FlagshipOptions());
        builder.AddScheduledJob<FlagshipReminderJob>(FlagshipReminderJob.Key, "标志性产品征集截止提醒（每天 9:10）", "flagship-reminders-daily", JobsSetup.Daily("0 10 9 * * ?"));
        return builder;
    }

    public static IEndpointRouteBuilder MapFlagship(this IEndpointRouteBuilder app)
    {
        app.MapFlagshipEndpoints();
        return app;
    }
}
