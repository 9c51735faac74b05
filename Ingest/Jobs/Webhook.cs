using System.Net.Http.Json;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GzBioPlan.Ingest.Jobs;

/// <summary>Sends in-app notices on to the configured webhook (<c>Ingest:WebhookUrl</c>), for the jobs that write them.</summary>
public static class Webhook
{
    /// <summary>POSTs undelivered notices to the webhook (the government side's; an applicant's notices go by e-mail instead); one that fails stays undelivered and is tried again next run.</summary>
    public static async Task<int> DeliverAsync(AppDbContext db, IngestOptions options, IHttpClientFactory http, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookUrl)) return 0;
        var client = http.CreateClient(nameof(Webhook));
        var delivered = 0;
        foreach (var n in await db.Notifications.Where(n => n.DeliveredAt == null && n.ApplicantId == null).OrderBy(n => n.Id).Take(100).ToListAsync(ct))
        {
            try
            {
                using var response = await client.PostAsJsonAsync(options.WebhookUrl,
                    new { n.Kind, District = n.DistrictCode, Period = n.Period?.ToString(), n.Text, n.CreatedAt }, ct);
                if (!response.IsSuccessStatusCode) continue;
                n.DeliveredAt = clock.GetUtcNow();
                delivered++;
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning(ex, "Webhook {Url} refused notification {NotificationId}", options.WebhookUrl, n.Id);
                break;
            }
        }
        await db.SaveChangesAsync(ct);
        return delivered;
    }
}
