using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;
using System.Net.Mail;
using CitySpiritAwards.Web.Identity.Email;

namespace CitySpiritAwards.Web.Tests.Accounts;

public sealed class MimeMessageWriterTests
{
    [Fact]
    public void Long_Chinese_subjects_become_encoded_words_of_at_most_75_characters_that_decode_back()
    {
        var subject = string.Concat(Enumerable.Repeat("请确认您的邮箱 · 城市精神奖 😀 ", 4));

        var encoded = MimeMessageWriter.EncodeWords(subject);

        Assert.All(encoded.Split("\r\n "), word => Assert.InRange(word.Length, 1, 75));
        Assert.Equal(subject, OutboxReader.DecodeWords(encoded));
    }

    [Fact]
    public void A_message_has_the_headers_and_both_parts()
    {
        var message = new EmailMessage("someone@example.org", "Hello 你好", "text 文字", "<p>html 文字</p>");

        var raw = MimeMessageWriter.Write(message, new MailAddress("城市精神奖 <awards@example.org>"), DateTimeOffset.Parse("2025-03-10T08:30:00Z"));

        Assert.Contains("From: =?UTF-8?B?", raw);
        Assert.Contains("<awards@example.org>\r\n", raw);
        Assert.Contains("To: someone@example.org\r\n", raw);
        Assert.Contains("Date: Mon, 10 Mar 2025 08:30:00 +0000\r\n", raw);
        Assert.Contains("MIME-Version: 1.0\r\n", raw);
        Assert.Contains("Content-Type: text/plain; charset=utf-8", raw);
        Assert.Contains("Content-Type: text/html; charset=utf-8", raw);
        Assert.DoesNotContain("\n", raw.Replace("\r\n", ""));
    }
}
