using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace CitySpiritAwards.Testing;

/// <summary>One .eml file from the outbox folder, decoded.</summary>
public sealed record OutboxEmail(string FileName, string To, string Subject, string Text, string Html, string Raw)
{
    /// <summary>The confirmation link as the site would be asked for it: path and query.</summary>
    public string ConfirmationLink()
    {
        var match = Regex.Match(Text, @"https?://\S+/account/confirm-email\?\S+");
        Assert.True(match.Success, $"No confirmation link in email {FileName}:\n{Text}");
        return new Uri(match.Value).PathAndQuery;
    }
}

/// <summary>Reads the .eml files the site wrote to {DataPath}/outbox (no SMTP server in the tests).</summary>
public static partial class OutboxReader
{
    public static IReadOnlyList<OutboxEmail> To(string dataPath, string address)
    {
        var folder = Path.Combine(dataPath, "outbox");
        if (!Directory.Exists(folder))
            return [];
        return Directory.GetFiles(folder, "*.eml")
            .Order(StringComparer.Ordinal) // names start with the time
            .Select(Parse)
            .Where(email => string.Equals(email.To, address, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    public static OutboxEmail LatestTo(string dataPath, string address) =>
        To(dataPath, address).LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"No email to {address} in {dataPath}/outbox.");

    public static OutboxEmail Parse(string path)
    {
        var raw = File.ReadAllText(path, Encoding.UTF8);
        var (headers, body) = SplitHeaders(raw);
        var boundary = Regex.Match(headers["Content-Type"], "boundary=\"([^\"]+)\"").Groups[1].Value;
        string text = "", html = "";
        foreach (var part in body.Split("--" + boundary).Skip(1))
        {
            if (part.StartsWith("--", StringComparison.Ordinal))
                break;
            var (partHeaders, content) = SplitHeaders(part.TrimStart('\r', '\n'));
            var decoded = partHeaders["Content-Transfer-Encoding"] == "base64"
                ? Encoding.UTF8.GetString(Convert.FromBase64String(content.Replace("\r\n", "")))
                : content;
            if (partHeaders["Content-Type"].StartsWith("text/plain", StringComparison.Ordinal))
                text = decoded;
            else if (partHeaders["Content-Type"].StartsWith("text/html", StringComparison.Ordinal))
                html = decoded;
        }
        return new OutboxEmail(Path.GetFileName(path), headers["To"], DecodeWords(headers["Subject"]), text, html, raw);
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string message)
    {
        var end = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var unfolded = message[..end].Replace("\r\n ", " ").Replace("\r\n\t", " ");
        var headers = unfolded.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return (headers, message[(end + 4)..]);
    }

    /// <summary>RFC 2047 "=?UTF-8?B?…?=" words; whitespace between adjacent encoded words is dropped.</summary>
    public static string DecodeWords(string value)
    {
        var joined = EncodedWordGap().Replace(value, "?==?");
        return EncodedWord().Replace(joined, match => Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value)));
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex EncodedWordGap();

    [GeneratedRegex(@"=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
