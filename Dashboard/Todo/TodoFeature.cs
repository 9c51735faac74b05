using System.Security.Claims;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Dashboard.PageCache;
using GzBioPlan.Domain.Periods;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GzBioPlan.Dashboard.Todo;

/// <summary>待办 and the notification centre: each person's list, its count in the menu and on the landing pages, marking notices read.</summary>
public static class TodoFeature
{
    public static IHostApplicationBuilder AddTodo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<NotificationCentre>();
        builder.Services.AddScoped<TodoQuery>();
        builder.Services.AddSingleton<Kept>();
        builder.Services.AddPersonalPart<TodoMenuLink>().AddPersonalPart<TodoPanel>();
        return builder;
    }

    private static readonly object Waiting = new();

    /// <summary>Each person's 待办, kept per data version and day: it is on every page (the menu).</summary>
    public sealed class Kept : KeptPerVersion<(IReadOnlyList<TodoItem> Items, int Unread)>;

    /// <summary>
    /// The signed-in person's 待办 and unread count, loaded once per request (the menu's count and a landing page's panel
    /// both show it) in a scope and database context of its own: a static render loads those components concurrently with
    /// the page. Nothing on the error page, which must render when the database is what failed.
    /// </summary>
    public static Task<(IReadOnlyList<TodoItem> Items, int Unread)> WaitingAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
            return Task.FromResult<(IReadOnlyList<TodoItem>, int)>(([], 0));
        if (http.Items[Waiting] is not Task<(IReadOnlyList<TodoItem>, int)> loading)
            http.Items[Waiting] = loading = LoadAsync(http);
        return loading;
    }

    private static async Task<(IReadOnlyList<TodoItem> Items, int Unread)> LoadAsync(HttpContext http)
    {
        var today = BeijingTime.Today(http.RequestServices.GetRequiredService<TimeProvider>());
        return await http.RequestServices.GetRequiredService<Kept>().GetAsync(http, http.User.Identity!.Name ?? "", today, async () =>
        {
            await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var items = await scope.ServiceProvider.GetRequiredService<TodoQuery>().RunAsync(http.User, http.RequestAborted);
            return (items, await scope.ServiceProvider.GetRequiredService<NotificationCentre>().UnreadCountAsync(http.User, http.RequestAborted));
        });
    }

    public static IEndpointRouteBuilder MapTodo(this IEndpointRouteBuilder app)
    {
        // One notice (id) or all of the reader's unread notices; a notice addressed to someone else is not touched.
        app.MapPost("/todo/read", async Task<RedirectHttpResult> ([FromForm] long? id, HttpContext http, NotificationCentre centre, CancellationToken ct) =>
        {
            await centre.MarkReadAsync(http.User, id, ct);
            return TypedResults.Redirect("/todo");
        }).RequireAuthorization().RequireAntiforgeryToken();
        return app;
    }
}
