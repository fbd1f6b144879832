using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity.Email;

/// <summary>Sends through the SMTP server configured in the "Smtp" section.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.Value;
        using var mail = new MailMessage
        {
            From = smtp.FromAddress(),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(new MailAddress(message.To));
        // With an alternate view, the body becomes the first part of a multipart/alternative message.
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));

        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.User))
            client.Credentials = new NetworkCredential(smtp.User, smtp.Password);

        await client.SendMailAsync(mail, ct);
        logger.LogInformation("Sent email \"{Subject}\" through {Host}:{Port}.", message.Subject, smtp.Host, smtp.Port);
    }
}
