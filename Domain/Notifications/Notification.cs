using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Notifications;

/// <summary>An in-app notice for a district or the coordination office (deadline reminders and the like).</summary>
public class Notification
{
    public long Id { get; set; }

    /// <summary>A district code, or null for the coordination office (unless <see cref="UnitCode"/> is set).</summary>
    public string? DistrictCode { get; set; }

    /// <summary>A municipal unit the notice is for.</summary>
    public string? UnitCode { get; set; }

    public required string Kind { get; set; }
    public required string Text { get; set; }
    public Period? Period { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when a webhook accepted it, if one is configured.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.UnitCode).HasMaxLength(32);
        e.Property(x => x.Text).HasMaxLength(1000);
        e.HasIndex(x => new { x.Kind, x.Period, x.DistrictCode });
    }
}
