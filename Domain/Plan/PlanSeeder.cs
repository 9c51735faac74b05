using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Plan;

/// <summary>
/// Loads <see cref="PlanSeed"/> idempotently: inserts the rows that are missing (matched by their
/// natural keys) and leaves existing rows as they are, so edits made in the app survive a restart.
/// </summary>
public static class PlanSeeder
{
    /// <returns>Whether this version was applied now (false: it had been applied before).</returns>
    public static async Task<bool> SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var applied = await db.SeedVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Name == PlanSeed.Name, ct);
        if (applied is not null && applied.Version >= PlanSeed.Version) return false;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.PlanDocuments.AnyAsync(d => d.Id == PlanSeed.Document.Id, ct)) db.PlanDocuments.Add(PlanSeed.Document);
        await AddMissing(db.Units, PlanSeed.Units, u => u.Code, ct);
        await AddMissing(db.Districts, PlanSeed.Districts, d => d.Code, ct);
        await AddMissing(db.Indicators, PlanSeed.Indicators, i => i.Code, ct);
        await db.SaveChangesAsync(ct);

        await AddMissing(db.KeyAreas, PlanSeed.KeyAreas, a => a.Code, ct);
        await AddMissing(db.WorkItems, PlanSeed.WorkItems, w => w.Code, ct);
        await AddMissing(db.Targets, PlanSeed.Targets, t => t.Code, ct);
        await AddMissing(db.ValidationRules, PlanSeed.ValidationRules, r => r.Code, ct);
        await db.SaveChangesAsync(ct);

        if (applied is null) db.SeedVersions.Add(new SeedVersion { Name = PlanSeed.Name, Version = PlanSeed.Version, AppliedAt = DateTimeOffset.UtcNow });
        else db.SeedVersions.Update(new SeedVersion { Name = PlanSeed.Name, Version = PlanSeed.Version, AppliedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }

    private static async Task AddMissing<T>(DbSet<T> set, IEnumerable<T> rows, Func<T, string> key, CancellationToken ct) where T : class
    {
        var existing = (await set.AsNoTracking().ToListAsync(ct)).Select(key).ToHashSet();
        set.AddRange(rows.Where(r => !existing.Contains(key(r))));
    }
}
