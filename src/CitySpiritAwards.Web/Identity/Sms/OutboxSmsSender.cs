using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CitySpiritAwards.Web.Identity.Sms;

/// <summary>
/// Keeps each SMS as a small JSON file in the outbox folder instead of sending it (embedded mode, tests, and any site
/// with no provider configured), as the email outbox does: <c>20250310T083000123Z-1a2b3c4d.sms.json</c> with the
/// number, the code and the text a phone would show. The log names the file, never the number or the code.
/// </summary>
public sealed class OutboxSmsSender(string folder, TimeProvider time, ILogger<OutboxSmsSender> logger) : ISmsSender
{
    public string Folder { get; } = folder;

    public async Task SendCodeAsync(CodeMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var name = now.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + ".sms.json";
        var content = JsonSerializer.Serialize(new { to = message.MobileNumber, code = message.Code, text = SmsText.Code(message.Code), sentAt = now });
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        await File.WriteAllTextAsync(path + ".tmp", content, new UTF8Encoding(false), ct);
        File.Move(path + ".tmp", path); // readers never see a half-written message
        logger.LogInformation("No SMS provider configured (Sms:Provider): a verification code was saved as {Path}.", path);
    }
}

/// <summary>The words of a code message, both languages in one (an SMS has no reader's language; providers' templates say the same).</summary>
public static class SmsText
{
    public static string Code(string code) =>
        $"【城市精神奖】您的验证码是 {code}，10 分钟内有效。请勿告诉他人。Your City Spirit Awards code is {code}; it expires in 10 minutes. Do not share it.";
}
