using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Todo;

public sealed record NoticeRow(long Id, string Kind, string Text, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>
/// The notification centre: the notices addressed to a person (their organisation, district, unit, role, or the office),
/// each read or unread for that person alone. Features post by adding a <see cref="Notification"/>.
/// </summary>
public sealed class NotificationCentre(AppDbContext db, TimeProvider clock)
{
    public const int Shown = 50;

    public IQueryable<Notification> For(ClaimsPrincipal user)
    {
        var notices = db.Notifications.AsNoTracking();
        if (user.ApplicantId() is { } applicant) return notices.Where(n => n.ApplicantId == applicant);
        if (user.IsInRole(Roles.District) && user.District() is { } district) return notices.Where(n => n.DistrictCode == district);
        if (user.IsInRole(Roles.Unit) && user.Unit() is { } unit) return notices.Where(n => n.UnitCode == unit);
        if (user.IsInRole(Roles.Leader)) return notices.Where(n => n.Role == Roles.Leader);
        if (user.IsInRole(Roles.Coordination)) return notices.Where(n => n.DistrictCode == null && n.UnitCode == null && n.Role == null && n.ApplicantId == null);
        return notices.Where(n => false);
    }

    private IQueryable<Notification> Unread(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "";
        return For(user).Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserName == name));
    }

    public Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken ct) => Unread(user).CountAsync(ct);

    /// <summary>The newest notices, unread first.</summary>
    public async Task<IReadOnlyList<NoticeRow>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var name = user.Identity?.Name ?? "";
        var unread = await Unread(user).OrderByDescending(n => n.Id).Take(Shown).ToListAsync(ct);
        var read = unread.Count >= Shown ? [] : await For(user).Where(n => db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserName == name))
            .OrderByDescending(n => n.Id).Take(Shown - unread.Count).ToListAsync(ct);
        return unread.Select(n => Row(n, false)).Concat(read.Select(n => Row(n, true))).ToList();
    }

    private static NoticeRow Row(Notification n, bool read) => new(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, read);

    /// <summary>Marks one notice (or, with no id, every unread one) read for this person; a notice not addressed to them is left alone.</summary>
    public async Task<int> MarkReadAsync(ClaimsPrincipal user, long? id, CancellationToken ct)
    {
        var name = user.Identity?.Name ?? "";
        var ids = await Unread(user).Where(n => id == null || n.Id == id).Select(n => n.Id).ToListAsync(ct);
        db.NotificationReads.AddRange(ids.Select(i => new NotificationRead { NotificationId = i, UserName = name, ReadAt = clock.GetUtcNow() }));
        await db.SaveChangesAsync(ct);
        return ids.Count;
    }
}
