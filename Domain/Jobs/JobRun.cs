using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace GzBioPlan.Domain.Jobs;

/// <summary>One run of a scheduled job, for the admin's jobs page.</summary>
public class JobRun
{
    public long Id { get; set; }
    public required string Job { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public required string Summary { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.Property(x => x.Job).HasMaxLength(64);
        e.Property(x => x.Summary).HasMaxLength(2000);
        e.HasIndex(x => new { x.Job, x.Id });
    }
}
