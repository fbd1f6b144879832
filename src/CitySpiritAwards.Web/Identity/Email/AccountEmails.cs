using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Notifications;
using CitySpiritAwards.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Identity.Email;

/// <summary>
/// The account emails, bilingual in one message: Chinese first, then English. They contain no text typed by the
/// person who registered (anyone can type someone else's address), only our own words and a link.
/// </summary>
public sealed class AccountEmails(IStringLocalizer<SharedResource> localizer)
{
    private static readonly string[] Languages = [StringCatalog.Chinese, StringCatalog.English];

    // Chinese stays readable in the HTML source (the default encoder writes it as &#x…; entities).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public EmailMessage ConfirmEmail(string to, string link) =>
        Compose(to, "Account.Email.Confirm.Subject",
            before: ["Account.Email.Confirm.Intro"], actionKey: "Account.Email.Confirm.Action", link,
            after: ["Account.Email.Confirm.Validity", "Account.Email.Confirm.NotYou"]);

    /// <summary>Someone (the owner, we hope) asked for a new password for this address.</summary>
    public EmailMessage PasswordReset(string to, string link) =>
        Compose(to, "Account.Email.Reset.Subject",
            before: ["Account.Email.Reset.Intro"], actionKey: "Account.Email.Reset.Action", link,
            after: ["Account.Email.Reset.Validity", "Account.Email.Reset.NotYou"]);

    /// <summary>To a new address for an existing account: open the link to make it the account's address.</summary>
    public EmailMessage ConfirmEmailChange(string to, string link) =>
        Compose(to, "Account.Email.Change.Subject",
            before: ["Account.Email.Change.Intro"], actionKey: "Account.Email.Change.Action", link,
            after: ["Account.Email.Confirm.Validity", "Account.Email.Change.NotYou"]);

    /// <summary>To the old address once the change is made.</summary>
    public EmailMessage EmailChanged(string to, string helpLink) =>
        Compose(to, "Account.Email.Changed.Subject",
            before: ["Account.Email.Changed.Intro"], actionKey: "Account.Email.Changed.Action", helpLink,
            after: ["Account.Email.Changed.NotYou"]);

    /// <summary>Someone tried to register with an address that already has a confirmed account.</summary>
    public EmailMessage AlreadyRegistered(string to, string signInLink) =>
        Compose(to, "Account.Email.Existing.Subject",
            before: ["Account.Email.Existing.Intro"], actionKey: "Account.Email.Existing.Action", signInLink,
            after: ["Account.Email.Existing.NotYou"]);

    /// <summary>
    /// To a nominee: someone nominated you; see it and say whether it may be shown publicly. Nothing the nominator
    /// typed is in the email (anyone can type anyone's address); the nominee reads the nomination behind the link.
    /// </summary>
    public EmailMessage NomineeConsent(string to, string link) =>
        Compose(to, "Nomination.Email.Consent.Subject",
            before: ["Nomination.Email.Consent.Intro", "Nomination.Email.Consent.Private"], actionKey: "Nomination.Email.Consent.Action", link,
            after: ["Nomination.Email.Consent.NotExpected"]);

    /// <summary>To a committee member: entries assigned to you are still waiting for your score (at most once a day).</summary>
    public EmailMessage CommitteeReminder(string to, string link) =>
        Compose(to, "Judging.Email.Reminder.Subject",
            before: ["Judging.Email.Reminder.Intro"], actionKey: "Judging.Email.Reminder.Action", link,
            after: ["Judging.Email.Reminder.Frequency"]);

    /// <summary>
    /// To a nominator: a moderator acted on their nomination (with the reason) or the nominee answered. The nominee's name
    /// is the one the nominator typed, going back to the nominator's own confirmed address; the note is the moderator's.
    /// </summary>
    public EmailMessage NominatorNotice(string to, string action, string nomineeName, string? moderatorNote, string link) =>
        Compose(to, "Notice.Email.Subject",
            before: () => moderatorNote is { Length: > 0 }
                ? [localizer[NoticeKey(action), nomineeName], localizer["Notice.Email.Note", moderatorNote]]
                : [localizer[NoticeKey(action), nomineeName]],
            actionKey: "Notice.Email.Action", link,
            after: ["Notice.Email.TurnOff"]);

    /// <summary>
    /// To a nominator: their nomination is on an award's shortlist for the public vote (with a link to the vote page), or
    /// won the award (with a link to the results). As above, the nominee's name is the nominator's own; the award's name
    /// is ours, in each section's language.
    /// </summary>
    public EmailMessage NominatorAwardNotice(string to, NoticeKind kind, string nomineeName, LocalizedText award, string link) =>
        Compose(to, "Notice.Email.Subject",
            before: () => [localizer[$"Notice.{kind}", nomineeName, award.For(CultureInfo.CurrentUICulture.Name)]],
            actionKey: kind == NoticeKind.Won ? "Notice.Email.Results" : "Notice.Email.Vote", link,
            after: ["Notice.Email.TurnOff"]);

    /// <summary>The sentence for a history step, e.g. "moderation: Approve" → "Notice.moderation.Approve".</summary>
    public static string NoticeKey(string action) => $"Notice.{action.Replace(": ", ".", StringComparison.Ordinal)}";

    private EmailMessage Compose(string to, string subjectKey, string[] before, string actionKey, string link, string[] after) =>
        Compose(to, subjectKey, () => before.Select(key => localizer[key].Value).ToArray(), actionKey, link, after);

    /// <summary>One section per language; <paramref name="before"/> is asked for its paragraphs in each language in turn.</summary>
    private EmailMessage Compose(string to, string subjectKey, Func<string[]> before, string actionKey, string link, string[] after)
    {
        var sections = Languages.Select(language => InLanguage(language, () => new Section(
            language,
            localizer[subjectKey],
            localizer["Account.Email.Greeting"],
            before(),
            localizer[actionKey],
            after.Select(key => localizer[key].Value).ToArray(),
            localizer["Account.Email.Signature"]))).ToList();

        var subject = string.Join(" / ", sections.Select(s => s.Subject).Distinct());
        return new EmailMessage(to, subject, Text(sections, link), Html(subject, sections, link));
    }

    private static string Text(List<Section> sections, string link)
    {
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            if (text.Length > 0)
                text.AppendLine().AppendLine("----------------------------------------").AppendLine();
            text.AppendLine(section.Greeting).AppendLine();
            foreach (var paragraph in section.Before)
                text.AppendLine(paragraph).AppendLine();
            text.AppendLine(section.Action + (section.Language == StringCatalog.Chinese ? "：" : ":")).AppendLine(link).AppendLine();
            foreach (var paragraph in section.After)
                text.AppendLine(paragraph).AppendLine();
            text.AppendLine(section.Signature);
        }
        return text.ToString();
    }

    private static string Html(string subject, List<Section> sections, string link)
    {
        var e = Encoder;
        var href = e.Encode(link);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"zh-CN\">");
        html.AppendLine("<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.AppendLine($"<title>{e.Encode(subject)}</title></head>");
        html.AppendLine("<body style=\"font-family: sans-serif; font-size: 18px; line-height: 1.6; color: #1a1a1a;\">");
        var first = true;
        foreach (var section in sections)
        {
            if (!first)
                html.AppendLine("<hr>");
            first = false;
            html.AppendLine($"<div lang=\"{section.Language}\">");
            html.AppendLine($"<p>{e.Encode(section.Greeting)}</p>");
            foreach (var paragraph in section.Before)
                html.AppendLine($"<p>{e.Encode(paragraph)}</p>");
            html.AppendLine($"<p><a href=\"{href}\" style=\"display: inline-block; padding: 12px 24px; background: #b3261e; color: #ffffff; text-decoration: none; border-radius: 6px;\">{e.Encode(section.Action)}</a></p>");
            html.AppendLine($"<p style=\"font-size: 14px; word-break: break-all;\">{e.Encode(link)}</p>");
            foreach (var paragraph in section.After)
                html.AppendLine($"<p>{e.Encode(paragraph)}</p>");
            html.AppendLine($"<p>{e.Encode(section.Signature)}</p>");
            html.AppendLine("</div>");
        }
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static T InLanguage<T>(string language, Func<T> produce)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return produce();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private sealed record Section(string Language, string Subject, string Greeting, string[] Before, string Action, string[] After, string Signature);
}
