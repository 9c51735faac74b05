using System.Text;

namespace GzBioPlan.Dashboard.Hosting;

/// <summary>
/// Refuses malformed requests before any endpoint sees them, with a 400 and a Chinese sentence (JSON for the API):
/// a form post that is not a form, a value with a NUL or another control character, a value longer than any field
/// the app has. Nothing further down then has to survive such input, and none of it reaches a log line or a
/// redirect address.
/// </summary>
public static class RequestGuard
{
    /// <summary>Longer than the longest text field (8,000 characters, a 情况通报 section) with room to spare.</summary>
    public const int MaxValueLength = 10_000;

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        string? problem = null;
        if (request.Query.Any(q => q.Value.Any(Bad)) || request.Query.Keys.Any(k => Bad(k)))
        {
            problem = "地址中的参数过长或含有不可见字符，请检查链接后重试。";
        }
        else if (HttpMethods.IsPost(request.Method) && !request.Path.StartsWithSegments("/_blazor"))
        {
            if (!request.HasFormContentType)
            {
                // The API answers a body that is not a form with its own validation problem.
                if (!request.Path.StartsWithSegments("/api"))
                    problem = "提交的内容不是表单，请在页面上重新提交（脚本请使用 multipart/form-data 或 application/x-www-form-urlencoded）。";
            }
            else
            {
                try
                {
                    var form = await request.ReadFormAsync(context.RequestAborted);
                    if (form.Any(f => Bad(f.Key) || f.Value.Any(Bad))) problem = Unreadable;
                }
                catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
                {
                    // The framework's form reader refuses a NUL or a malformed body by throwing.
                    problem = Unreadable;
                }
            }
        }
        if (problem is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (request.Path.StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new { status = 400, title = problem }, context.RequestAborted);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(DashboardSetup.InvalidRequestPage($"<p>{problem}</p><p><a href=\"/\">返回首页</a></p>"), Encoding.UTF8, context.RequestAborted);
    });

    private const string Unreadable = "提交的内容过长、格式有误或含有不可见字符，请删除后重新提交。";

    /// <summary>Too long, or a control character other than the line breaks and tabs a text area sends.</summary>
    private static bool Bad(string? value) =>
        value is not null && (value.Length > MaxValueLength || value.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')));
}
