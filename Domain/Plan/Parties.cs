using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Plan;

/// <summary>Who an item is addressed to or owned by: a municipal unit or a district.</summary>
public enum PartyKind
{
    Unit = 0,
    District = 1,
}

public static class Parties
{
    /// <summary>Names of every unit and district by code: owners and addressees are one or the other.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Select(u => new { u.Code, u.Name }).ToListAsync(ct))
            .Concat(await db.Districts.AsNoTracking().Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .ToDictionary(x => x.Code, x => x.Name);
}
