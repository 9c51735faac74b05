using System.Net.Http.Headers;

namespace GzBioPlan.Tests.Support;

/// <summary>Posts a file to an attachment slot as the page's upload box does: the page's antiforgery token, the page to come back to.</summary>
public static class AttachmentUpload
{
    public static async Task<HttpResponseMessage> Post(HttpClient client, string page, string owner, long id, string slot, byte[] bytes, string name,
        string contentType = "application/octet-stream")
    {
        var token = AppFactory.Antiforgery(await client.GetStringAsync(page));
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(page), "back" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", name);
        return await client.PostAsync($"/attachments/{owner}/{id}/{slot}", content);
    }
}
