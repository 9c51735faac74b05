using System.Net;
using System.Text;

namespace GzBioPlan.Tests.Support;

/// <summary>A webhook receiver on a free local port that records what it is sent.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    public List<string> Bodies { get; } = [];
    public string Url { get; }

    public WebhookListener()
    {
        var port = Random.Shared.Next(20000, 60000);
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                try
                {
                    var ctx = await _listener.GetContextAsync();
                    using (var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8)) lock (Bodies) Bodies.Add(reader.ReadToEnd());
                    ctx.Response.StatusCode = 204;
                    ctx.Response.Close();
                }
                catch (HttpListenerException) { return; }
                catch (ObjectDisposedException) { return; }
            }
        });
    }

    public void Dispose() => _listener.Close();
}
