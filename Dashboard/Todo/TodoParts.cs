using System.Text;
using GzBioPlan.Dashboard.PageCache;

namespace GzBioPlan.Dashboard.Todo;

/// <summary>The menu's 「待办」 with the number of items and unread notices waiting.</summary>
public sealed class TodoMenuLink : IPersonalPart
{
    public async Task<string> RenderAsync(HttpContext http)
    {
        var (items, unread) = await TodoFeature.WaitingAsync(http);
        var count = items.Count + unread;
        var active = http.Request.Path.StartsWithSegments("/todo") ? " class=\"active\"" : "";
        return $"<a href=\"/todo\"{active} data-todo-count=\"{count}\">待办{(count > 0 ? $"（{count}）" : "")}</a>";
    }
}

/// <summary>On a landing page: what waits for this person, and how many notices are unread.</summary>
public sealed class TodoPanel : IPersonalPart
{
    public async Task<string> RenderAsync(HttpContext http)
    {
        var (items, unread) = await TodoFeature.WaitingAsync(http);
        if (items.Count == 0 && unread == 0) return "";
        return "<section class=\"card todo-panel\" id=\"todo-panel\"><div class=\"card-head\">" +
               $"<h2>我的待办（{items.Count} 项{(unread > 0 ? $"，未读通知 {unread} 条" : "")}）</h2><a href=\"/todo\">全部待办和通知</a></div>" +
               TodoMarkup.List(items, 5) + "</section>";
    }
}

/// <summary>The 待办 items, each a link to where it is done; overdue ones marked (the panel and the 待办 page).</summary>
public static class TodoMarkup
{
    public static string List(IReadOnlyList<TodoItem> items, int max = int.MaxValue)
    {
        if (items.Count == 0) return "<p class=\"muted\">当前没有待办事项。</p>";
        var html = new StringBuilder("<ul class=\"todo-list\" data-todo>");
        foreach (var t in items.Take(max))
        {
            html.Append($"<li data-todo-kind=\"{PersonalParts.Html(t.Kind)}\" class=\"{(t.Urgent ? "urgent" : "")}\">")
                .Append($"<a href=\"{PersonalParts.Html(t.Href)}\">{PersonalParts.Html(t.Text)}</a>")
                .Append(t.Urgent && !t.Text.Contains("逾期") ? "<span class=\"overdue\">（逾期）</span>" : "")
                .Append("</li>");
        }
        html.Append("</ul>");
        if (items.Count > max) html.Append($"<p><a href=\"/todo\">查看全部 {items.Count} 项待办</a></p>");
        return html.ToString();
    }
}
