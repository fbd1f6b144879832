using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity.Email;

/// <summary>
/// Keeps each email as an <c>.eml</c> file in the outbox folder instead of sending it (no SMTP server configured).
/// Open the file with any mail program; names sort by time: <c>20250310T083000123Z-1a2b3c4d.eml</c>.
/// </summary>
public sealed class OutboxEmailSender(string folder, IOptions<SmtpOptions> options, TimeProvider time, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var name = now.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + id + ".eml";
        var content = MimeMessageWriter.Write(message, options.Value.FromAddress(), now);

        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct);
        File.Move(temporary, path); // readers never see a half-written message
        logger.LogInformation("No SMTP server configured (Smtp:Host): email \"{Subject}\" saved as {Path}.", message.Subject, path);
    }
}

/// <summary>Writes an RFC 5322 / MIME message: UTF-8 headers as RFC 2047 encoded words, multipart/alternative text + HTML.</summary>
public static class MimeMessageWriter
{
    private const string CrLf = "\r\n";
    private const int MaxLineBytes = 998;

    public static string Write(EmailMessage message, MailAddress from, DateTimeOffset date)
    {
        var boundary = "=_alt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var text = new StringBuilder();
        Header(text, "From", Address(from));
        Header(text, "To", Address(new MailAddress(message.To)));
        Header(text, "Subject", EncodeWords(message.Subject));
        Header(text, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(text, "Message-ID", $"<{Guid.NewGuid():N}@{from.Host}>");
        Header(text, "MIME-Version", "1.0");
        Header(text, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        text.Append(CrLf);
        text.Append("This is a multipart message in MIME format.").Append(CrLf);
        Part(text, boundary, "text/plain; charset=utf-8", message.TextBody);
        Part(text, boundary, "text/html; charset=utf-8", message.HtmlBody);
        text.Append("--").Append(boundary).Append("--").Append(CrLf);
        return text.ToString();
    }

    private static void Header(StringBuilder text, string name, string value) =>
        text.Append(name).Append(": ").Append(value).Append(CrLf);

    private static void Part(StringBuilder text, string boundary, string contentType, string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        var fitsAsIs = lines.All(line => Encoding.UTF8.GetByteCount(line) <= MaxLineBytes);
        text.Append("--").Append(boundary).Append(CrLf);
        Header(text, "Content-Type", contentType);
        Header(text, "Content-Transfer-Encoding", fitsAsIs ? "8bit" : "base64");
        text.Append(CrLf);
        if (fitsAsIs)
        {
            text.AppendJoin(CrLf, lines);
        }
        else
        {
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(CrLf, lines)));
            text.AppendJoin(CrLf, base64.Chunk(76).Select(chunk => new string(chunk)));
        }
        text.Append(CrLf);
    }

    private static string Address(MailAddress address) =>
        string.IsNullOrEmpty(address.DisplayName)
            ? address.Address
            : $"{EncodeWords(address.DisplayName, inPhrase: true)} <{address.Address}>";

    /// <summary>RFC 2047: plain ASCII stays as is; anything else becomes "=?UTF-8?B?…?=" words of at most 75 characters, folded.</summary>
    public static string EncodeWords(string value, bool inPhrase = false)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
            return inPhrase && value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is ' ' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '/' or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~'))
                ? "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
                : value;

        const int maxBytesPerWord = 45; // 45 bytes → 60 base64 characters; "=?UTF-8?B?" + 60 + "?=" = 72 ≤ 75
        var words = new List<string>();
        var chunk = new List<byte>();
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes()) // never split a character between two words
        {
            var count = rune.EncodeToUtf8(bytes);
            if (chunk.Count + count > maxBytesPerWord)
            {
                words.Add(Word(chunk));
                chunk.Clear();
            }
            chunk.AddRange(bytes[..count]);
        }
        if (chunk.Count > 0)
            words.Add(Word(chunk));
        return string.Join(CrLf + " ", words);

        static string Word(List<byte> bytes) => "=?UTF-8?B?" + Convert.ToBase64String(bytes.ToArray()) + "?=";
    }
}
