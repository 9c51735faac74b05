using GzBioPlan.Dashboard.Attachments;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>标志性产品征集: batches and the notice, applicants, the 申请表, its proofs, review, recommendation and 附件2.</summary>
public static class FlagshipFeature
{
    public static IHostApplicationBuilder AddFlagship(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<FlagshipService>();
        builder.Services.AddScoped<BatchEditing>();
        builder.Services.AddScoped<ApplicantCreation>();
        builder.Services.AddScoped<IAttachmentOwner, FlagshipAttachments>();
        builder.Services.AddScoped<IAttachmentOwner, FlagshipBatchFiles>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFlagship(this IEndpointRouteBuilder app)
    {
        app.MapFlagshipEndpoints();
        return app;
    }
}
