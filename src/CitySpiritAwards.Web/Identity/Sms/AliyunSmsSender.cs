using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CitySpiritAwards.Domain.Verification;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity.Sms;

/// <summary>
/// Alibaba Cloud SMS (阿里云短信服务, Dysmsapi 2017-05-25), action <c>SendSms</c>, through its documented RPC HTTP API
/// with signature version 1.0 (HMAC-SHA1): the parameters, sorted, percent-encoded as RFC 3986, are signed as
/// <c>POST&amp;%2F&amp;{encoded query}</c> with the key <c>{AccessKeySecret}&amp;</c>. The code goes into the approved
/// template's <c>${code}</c>. Sent as a form POST, so the number is in no URL a proxy logs.
/// </summary>
public sealed class AliyunSmsSender(HttpClient http, IOptions<AliyunSmsOptions> options, TimeProvider time) : ISmsSender
{
    public async Task SendCodeAsync(CodeMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = settings.AccessKeyId,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["PhoneNumbers"] = message.MobileNumber.StartsWith(MobileNumbers.CountryCode, StringComparison.Ordinal)
                ? message.MobileNumber[MobileNumbers.CountryCode.Length..] : message.MobileNumber,
            ["RegionId"] = settings.RegionId,
            ["SignName"] = settings.SignName,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = settings.TemplateCode,
            ["TemplateParam"] = JsonSerializer.Serialize(new { code = message.Code }),
            ["Timestamp"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
        };
        parameters["Signature"] = AliyunSignature.Sign("POST", parameters, settings.AccessKeySecret);

        using var response = await http.PostAsync(settings.Endpoint, new FormUrlEncodedContent(parameters), ct);
        var answer = await response.Content.ReadFromJsonAsync<SendSmsAnswer>(ct);
        if (!response.IsSuccessStatusCode || answer?.Code != "OK")
            throw new SmsNotSentException($"Alibaba Cloud SMS refused the message: HTTP {(int)response.StatusCode}, {answer?.Code ?? "no answer"} ({answer?.Message}), request {answer?.RequestId}.");
    }

    private sealed record SendSmsAnswer(string? Code, string? Message, string? RequestId, string? BizId);
}

/// <summary>Alibaba Cloud's RPC signature, version 1.0.</summary>
public static class AliyunSignature
{
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        var query = string.Join("&", parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));
        var toSign = $"{method}&{Encode("/")}&{Encode(query)}";
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(accessKeySecret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign)));
    }

    /// <summary>RFC 3986: everything but A-Z a-z 0-9 - _ . ~ as %XY of its UTF-8 bytes (a space is %20, never +).</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);
}

public sealed class AliyunSmsOptions
{
    public const string Section = "Sms:Aliyun";

    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";
    public string RegionId { get; set; } = "cn-hangzhou";
    public string AccessKeyId { get; set; } = "";
    public string AccessKeySecret { get; set; } = "";
    /// <summary>The approved signature (短信签名), e.g. 城市精神奖.</summary>
    public string SignName { get; set; } = "";
    /// <summary>The approved verification-code template (模板CODE), whose text has <c>${code}</c>.</summary>
    public string TemplateCode { get; set; } = "";
}
