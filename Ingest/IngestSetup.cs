using GzBioPlan.Ingest.Jobs;
using GzBioPlan.Ingest.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Ingest.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GzBioPlan.Ingest;

public static class IngestSetup
{
    /// <summary>Templates, the upload pipeline, completeness and the scheduled jobs.</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(IngestOptions.Section).Get<IngestOptions>() ?? new IngestOptions());
        builder.Services.AddScoped<TemplateQuery>();
        builder.Services.AddScoped<IngestService>();
        builder.AddJobs();
        return builder;
    }
}
