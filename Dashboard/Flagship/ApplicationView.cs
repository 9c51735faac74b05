using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>An application with what its page and print show beside it: the batch, the applicant's and district's names, the history.</summary>
public sealed record ApplicationView(FlagshipApplication App, FlagshipBatch Batch, string Applicant, string District, IReadOnlyList<ApplicationEvent> Events)
{
    public static async Task<ApplicationView?> LoadAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var row = await (from a in db.FlagshipApplications.AsNoTracking()
                         where a.Id == id
                         join b in db.FlagshipBatches on a.BatchId equals b.Id
                         join o in db.Applicants on a.ApplicantId equals o.Id
                         join d in db.Districts on a.DistrictCode equals d.Code
                         select new { a, b, o.Name, District = d.Name }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var events = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return new ApplicationView(row.a, row.b, row.Name, row.District, events);
    }
}
