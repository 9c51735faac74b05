using Microsoft.AspNetCore.OpenApi;

namespace GzBioPlan.Dashboard.Hosting;

/// <summary>The read and reports APIs (<c>/api/v1/*</c>) described as OpenAPI at <c>/api/v1/openapi.json</c>; pages and form posts are left out.</summary>
public static class ApiDescription
{
    public const string Document = "v1";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "GzBioPlan API（广州市生物制造产业工作方案监测平台）";
            document.Info.Version = "v1";
            document.Info.Description = "读取接口和报送接口。浏览器用登录 Cookie，脚本用个人访问令牌：Authorization: Bearer gzb_…（在 /account/tokens 创建）。";
            return Task.CompletedTask;
        });
    }

    /// <summary>Signed-in callers only (cookie or token), like the API it describes.</summary>
    public static IEndpointRouteBuilder MapApiDescription(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/v1/openapi.json").RequireAuthorization();
        return app;
    }
}
