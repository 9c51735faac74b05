using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Targets;

/// <summary>The coordination office records a quarter's 研判 of a target from the target page.</summary>
public static class JudgementEndpoints
{
    public static IEndpointRouteBuilder MapJudgements(this IEndpointRouteBuilder app)
    {
        app.MapPost("/targets/{code}/judgements", async Task<Results<RedirectHttpResult, NotFound>> (string code, [FromForm] string? period,
            [FromForm] Judgement? rating, [FromForm] string? rationale, [FromForm] string? actions, HttpContext http, AppDbContext db,
            TimeProvider clock, ILogger<TargetJudgement> log, CancellationToken ct) =>
        {
            if (await db.Targets.AsNoTracking().Where(t => t.Code == code).Select(t => t.Name).FirstOrDefaultAsync(ct) is not { } name) return TypedResults.NotFound();
            var back = $"/targets/{code}?period={Uri.EscapeDataString(period ?? "")}";
            if (!Period.TryParse(period, out var p) || !p.IsInPlan) return TypedResults.Redirect(back + "&error=period");
            rationale = rationale?.Trim();
            actions = actions?.Trim();
            if (rating is null || !Enum.IsDefined(rating.Value)) return TypedResults.Redirect(back + "&error=rating");
            if (string.IsNullOrEmpty(rationale) || rationale.Length > Judgements.MaxTextLength
                || string.IsNullOrEmpty(actions) || actions.Length > Judgements.MaxTextLength)
                return TypedResults.Redirect(back + "&error=text");
            db.TargetJudgements.Add(new TargetJudgement
            {
                TargetCode = code, Period = p, Rating = rating.Value, Rationale = rationale, AgreedActions = actions,
                By = http.User.Identity!.Name!, At = clock.GetUtcNow(),
            });
            // Leaders are told in their notification centre.
            db.Notifications.Add(new Notification
            {
                Role = Roles.Leader, Kind = "judgement", Period = p, CreatedAt = clock.GetUtcNow(), Link = $"/targets/{code}?period={p}",
                Text = $"协调办对「{name}」作出{p.Label}研判：{rating.Value.Label()}。",
            });
            await db.SaveChangesAsync(ct);
            log.LogInformation("Judgement {Rating} of {Target} for {Period} by {User}", rating, code, p.ToString(), http.User.Identity!.Name);
            return TypedResults.Redirect(back + "&done=judged#judgement");
        }).RequireAuthorization(Policies.Office).RequireAntiforgeryToken();
        return app;
    }
}
