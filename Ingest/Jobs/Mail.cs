using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace GzBioPlan.Ingest.Jobs;

/// <summary>
/// <c>Mail:</c> in configuration. With <see cref="Host"/> set, mail goes out over SMTP (STARTTLS when the server offers it,
/// or TLS from the start on port 465); with only <see cref="PickupDirectory"/> set, each message is written there as an
/// .eml file (for a test machine, or a relay that collects a folder). With neither, nothing is sent and the jobs say so.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "gzbioplan@localhost";
    public string FromName { get; set; } = "广州市生物制造工作方案监测平台";
    public string? PickupDirectory { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(PickupDirectory);
}

/// <summary>One plain-text message to one or more people.</summary>
public sealed record MailMessage(IReadOnlyList<string> To, string Subject, string Body);

public interface IMailSender
{
    bool Enabled { get; }

    /// <summary>Sends the message; false (and a logged warning) when the server or the folder refused it.</summary>
    Task<bool> SendAsync(MailMessage message, CancellationToken ct);
}

public sealed class MailSender(MailOptions options, ILogger<MailSender> logger) : IMailSender
{
    public bool Enabled => options.Enabled;

    public async Task<bool> SendAsync(MailMessage message, CancellationToken ct)
    {
        if (!Enabled || message.To.Count == 0) return false;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        foreach (var to in message.To) mime.To.Add(MailboxAddress.Parse(to));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        try
        {
            if (string.IsNullOrWhiteSpace(options.Host))
            {
                Directory.CreateDirectory(options.PickupDirectory!);
                await mime.WriteToAsync(Path.Combine(options.PickupDirectory!, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml"), ct);
                return true;
            }
            using var smtp = new SmtpClient { Timeout = 15_000 };
            await smtp.ConnectAsync(options.Host, options.Port, options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
            if (!string.IsNullOrEmpty(options.UserName)) await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            await smtp.SendAsync(mime, ct);
            await smtp.DisconnectAsync(true, ct);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SmtpCommandException or SmtpProtocolException or AuthenticationException or System.Net.Sockets.SocketException
                                       or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Mail {Subject} to {Recipients} not sent", message.Subject, string.Join(",", message.To));
            return false;
        }
    }
}

public static class MailSetup
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions());
        builder.Services.AddSingleton<IMailSender, MailSender>();
        return builder;
    }
}
