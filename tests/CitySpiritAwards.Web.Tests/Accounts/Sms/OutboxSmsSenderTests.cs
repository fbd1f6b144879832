using System.Text.Json;
using CitySpiritAwards.Web.Identity.Sms;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitySpiritAwards.Web.Tests.Accounts.Sms;

public sealed class OutboxSmsSenderTests
{
    [Fact]
    public async Task Each_code_is_kept_as_a_file_with_the_number_the_code_and_the_bilingual_text()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sms-outbox-{Guid.NewGuid():N}");
        try
        {
            var sender = new OutboxSmsSender(folder, TimeProvider.System, NullLogger<OutboxSmsSender>.Instance);

            await sender.SendCodeAsync(new CodeMessage("+8613812345678", "123456"), CancellationToken.None);
            await sender.SendCodeAsync(new CodeMessage("+8613912345678", "654321"), CancellationToken.None);

            var files = Directory.GetFiles(folder, "*.sms.json");
            Assert.Equal(2, files.Length);
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
            var messages = files.Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement).ToList();
            // Names sort by time to the millisecond; two sent within one may sort either way.
            var first = Assert.Single(messages, m => m.GetProperty("to").GetString() == "+8613812345678");
            Assert.Equal("123456", first.GetProperty("code").GetString());
            Assert.Contains("验证码是 123456", first.GetProperty("text").GetString());
            Assert.Contains("code is 123456", first.GetProperty("text").GetString());
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
