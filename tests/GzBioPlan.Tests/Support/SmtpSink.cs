using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GzBioPlan.Tests.Support;

/// <summary>
/// An SMTP server on a free loopback port that accepts every message and keeps it, so the app's real mail path
/// (MailKit over SMTP) is exercised without a mail server: the local sink the tests send to.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();

    public List<string> Messages { get; } = [];

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public SmtpSink()
    {
        listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            if (verb is "EHLO" or "HELO") await writer.WriteLineAsync("250 sink");
            else if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go ahead");
                var body = new StringBuilder();
                while (await reader.ReadLineAsync() is { } data && data != ".") body.AppendLine(data.StartsWith("..") ? data[1..] : data);
                lock (Messages) Messages.Add(body.ToString());
                await writer.WriteLineAsync("250 kept");
            }
            else if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else await writer.WriteLineAsync("250 ok");
        }
    }

    /// <summary>The messages' text with their encoded subjects and bodies decoded.</summary>
    public List<string> Decoded()
    {
        lock (Messages) return Messages.Select(m => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m))))
            .Select(m => $"To: {m.To}\nSubject: {m.Subject}\n{m.TextBody}").ToList();
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }
}
