using System.Security.Claims;
using GzBioPlan.Dashboard.Shared;
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
        return builder;
    }

    /// <summary>
    /// A person's 待办 and unread count in a scope (and database context) of their own: the menu's count and a landing page's
    /// panel render beside the page, and a static render runs their loading concurrently with the page's own.
    /// </summary>
    public static async Task<(IReadOnlyList<TodoItem> Items, int Unread)> WaitingAsync(IServiceScopeFactory scopes, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<TodoQuery>().RunAsync(user, ct);
        return (items, await scope.ServiceProvider.GetRequiredService<NotificationCentre>().UnreadCountAsync(user, ct));
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
