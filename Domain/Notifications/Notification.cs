using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Notifications;

/// <summary>
/// An in-app notice (the notification centre): for a district, a unit, an applicant, every account of a role (the leaders), or else the
/// coordination office. Deadline reminders, 督办 reminders, a quarter's new reds and the office's 研判 are posted here.
/// </summary>
public class Notification
{
    public long Id { get; set; }

    /// <summary>A district code, or null for the coordination office (unless <see cref="UnitCode"/> or <see cref="Role"/> is set).</summary>
    public string? DistrictCode { get; set; }

    /// <summary>A municipal unit the notice is for.</summary>
    public string? UnitCode { get; set; }

    /// <summary>Every account of this role (e.g. 市领导), when the notice is for neither a district nor a unit.</summary>
    public string? Role { get; set; }

    /// <summary>A 申报单位 (every account of that organisation); such a notice goes out by e-mail, never to the webhook.</summary>
    public long? ApplicantId { get; set; }

    /// <summary>A page of this application the notice is about (a local path, never another site).</summary>
    public string? Link { get; set; }

    public required string Kind { get; set; }
    public required string Text { get; set; }
    public Period? Period { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when a webhook accepted it, if one is configured.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
}

/// <summary>That a person has read a notice: notices go to a district, a unit or the office, and each of its accounts reads for itself.</summary>
public class NotificationRead
{
    public long NotificationId { get; set; }
    public required string UserName { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> e)
    {
        e.HasKey(x => new { x.NotificationId, x.UserName });
        e.Property(x => x.UserName).HasMaxLength(256);
        e.HasOne<Notification>().WithMany().HasForeignKey(x => x.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.UnitCode).HasMaxLength(32);
        e.Property(x => x.Role).HasMaxLength(32);
        e.Property(x => x.Link).HasMaxLength(300);
        e.Property(x => x.Text).HasMaxLength(1000);
        e.HasIndex(x => new { x.Kind, x.Period, x.DistrictCode });
    }
}
