using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Identity.Sms;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Tests.Accounts.Sms;

/// <summary>
/// The Alibaba Cloud SMS adapter against a local HTTP listener that checks the request as the provider's documentation
/// specifies it (Dysmsapi 2017-05-25 SendSms, RPC signature 1.0), recomputing the signature its own way.
/// </summary>
public sealed class AliyunSmsSenderTests : IDisposable
{
    private const string Secret = "test-secret";
    private readonly HttpListener _listener = new();
    private readonly string _endpoint;
    private readonly List<Dictionary<string, string>> _received = [];
    private string _answer = """{"Code":"OK","Message":"OK","BizId":"900619746936498440^0","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990"}""";

    public AliyunSmsSenderTests()
    {
        _endpoint = $"http://127.0.0.1:{LoopbackPort.Free()}/";
        _listener.Prefixes.Add(_endpoint);
        _listener.Start();
        _ = ServeAsync();
    }

    public void Dispose() => _listener.Close();

    [Fact]
    public void The_signature_matches_the_worked_example_of_Alibaba_Clouds_documentation()
    {
        // The signature version 1.0 example of the RPC API documentation (ECS DescribeRegions, key "testsecret").
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid", ["Action"] = "DescribeRegions", ["Format"] = "XML", ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2016-02-23T12:46:24Z", ["Version"] = "2014-05-26",
        };
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunSignature.Sign("GET", parameters, "testsecret"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b-_.", "a~b-_.")]
    [InlineData("城市", "%E5%9F%8E%E5%B8%82")]
    [InlineData("{\"code\":\"1\"}", "%7B%22code%22%3A%221%22%7D")]
    public void Values_are_percent_encoded_as_RFC_3986(string value, string encoded) => Assert.Equal(encoded, AliyunSignature.Encode(value));

    [Fact]
    public async Task A_code_goes_out_as_a_signed_SendSms_request_with_the_template_and_the_national_number()
    {
        var before = DateTimeOffset.UtcNow;
        var sender = Sender();

        await sender.SendCodeAsync(new CodeMessage("+8613812345678", "123456"), CancellationToken.None);
        await sender.SendCodeAsync(new CodeMessage("+8613912345678", "654321"), CancellationToken.None);

        Assert.Equal(2, _received.Count);
        var first = _received[0];
        Assert.Equal("SendSms", first["Action"]);
        Assert.Equal("2017-05-25", first["Version"]);
        Assert.Equal("JSON", first["Format"]);
        Assert.Equal("cn-hangzhou", first["RegionId"]);
        Assert.Equal("HMAC-SHA1", first["SignatureMethod"]);
        Assert.Equal("1.0", first["SignatureVersion"]);
        Assert.Equal("test-key-id", first["AccessKeyId"]);
        Assert.Equal("13812345678", first["PhoneNumbers"]);
        Assert.Equal("城市精神奖", first["SignName"]);
        Assert.Equal("SMS_123456789", first["TemplateCode"]);
        Assert.Equal("123456", JsonDocument.Parse(first["TemplateParam"]).RootElement.GetProperty("code").GetString());
        var timestamp = DateTimeOffset.ParseExact(first["Timestamp"], "yyyy-MM-dd'T'HH:mm:ss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal);
        Assert.InRange(timestamp, before.AddSeconds(-2), DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.NotEqual(first["SignatureNonce"], _received[1]["SignatureNonce"]); // never reused: the provider refuses a replay
        foreach (var request in _received)
            Assert.Equal(ExpectedSignature(request), request["Signature"]);
    }

    [Fact]
    public async Task A_refusal_by_the_provider_is_an_error_naming_its_code_and_never_the_number()
    {
        _answer = """{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发分钟级流控Permits:1","RequestId":"A1B2"}""";

        var refused = await Assert.ThrowsAsync<SmsNotSentException>(() =>
            Sender().SendCodeAsync(new CodeMessage("+8613812345678", "123456"), CancellationToken.None));

        Assert.Contains("isv.BUSINESS_LIMIT_CONTROL", refused.Message);
        Assert.DoesNotContain("13812345678", refused.Message);
        Assert.DoesNotContain("123456", refused.Message);
    }

    private AliyunSmsSender Sender() => new(new HttpClient(), Options.Create(new AliyunSmsOptions
    {
        Endpoint = _endpoint, AccessKeyId = "test-key-id", AccessKeySecret = Secret, SignName = "城市精神奖", TemplateCode = "SMS_123456789",
    }), TimeProvider.System);

    /// <summary>The documented algorithm written out again, byte by byte, so the adapter is not checked against itself.</summary>
    private static string ExpectedSignature(Dictionary<string, string> request)
    {
        static string Encode(string s) => string.Concat(Encoding.UTF8.GetBytes(s).Select(b =>
            b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                ? ((char)b).ToString() : $"%{b:X2}"));
        var query = string.Join("&", request.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        var toSign = "POST&" + Encode("/") + "&" + Encode(query);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret + "&"), Encoding.UTF8.GetBytes(toSign)));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (!_listener.IsListening) { return; }
            var ok = context.Request.HttpMethod == "POST" && context.Request.Url!.AbsolutePath == "/"
                && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                var form = await reader.ReadToEndAsync();
                lock (_received)
                    _received.Add(form.Split('&').Select(pair => pair.Split('=', 2))
                        .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1])));
            }
            context.Response.StatusCode = ok ? 200 : 400;
            context.Response.ContentType = "application/json";
            var body = Encoding.UTF8.GetBytes(ok ? _answer : """{"Code":"InvalidRequest"}""");
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
