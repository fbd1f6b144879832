using System.Net.Mail;

namespace CitySpiritAwards.Web.Identity.Email;

/// <summary>The "Smtp" configuration section (env <c>Smtp__Host</c>, …). Without a host, emails go to the outbox folder.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public const string DefaultFrom = "城市精神奖 City Spirit Awards <no-reply@cityspiritawards.invalid>";

    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS) by default. System.Net.Mail does not speak implicit TLS (port 465).</summary>
    public int Port { get; set; } = 587;

    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Sender, e.g. <c>城市精神奖 City Spirit Awards &lt;awards@example.org&gt;</c>. Required with a host.</summary>
    public string? From { get; set; }

    public bool EnableSsl { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public MailAddress FromAddress() => new(string.IsNullOrWhiteSpace(From) ? DefaultFrom : From);
}
