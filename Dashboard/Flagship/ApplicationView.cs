using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>An application with what its page and print show beside it: the batch, the applicant's and district's names, the history.</summary>
public sealed record ApplicationView(FlagshipApplication App, FlagshipBatch Batch, string Applicant, string District, IReadOnlyList<ApplicationEvent> Events)
{
    /// <summary>
    /// Which text a paper copy is: the version it will be (or is), when its content was saved and when it was printed;
    /// and that only a stamped original counts. A stamped scan of an older version is therefore told apart.
    /// </summary>
    public string StampLine(DateTimeOffset printedAt)
    {
        var version = App.State.ApplicantEdits() ? App.Version + 1 : App.Version;
        return $"申请编号 {App.Id} · 第 {version} 版{(App.State.ApplicantEdits() ? "（待提交）" : "")} · 内容保存于 {App.UpdatedAt.Show()} · 打印于 {printedAt.Show()} · 须加盖公章和骑缝章，复印无效";
    }

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
