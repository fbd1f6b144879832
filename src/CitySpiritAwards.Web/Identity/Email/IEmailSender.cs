namespace CitySpiritAwards.Web.Identity.Email;

/// <summary>An email with a plain-text and an HTML version of the same content.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);

/// <summary>Sends the site's emails: by SMTP when <c>Smtp:Host</c> is configured, otherwise into the outbox folder.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
