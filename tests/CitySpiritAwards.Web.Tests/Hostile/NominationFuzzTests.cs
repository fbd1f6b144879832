using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Photos.Processing;
using CitySpiritAwards.Web.Tests.Support;
using ImageMagick;
using Xunit.Abstractions;

namespace CitySpiritAwards.Web.Tests.Hostile;

/// <summary>
/// A bounded fuzz run of the nomination API and page: random and malformed fields, multipart bodies, encodings and sizes.
/// Every answer must be a success or a clear 4xx, never a 5xx, and nothing may be half-stored.
/// </summary>
public sealed class NominationFuzzTests(NominationsSite site, ITestOutputHelper output) : IClassFixture<NominationsSite>
{
    private const int Requests = 240;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(45);

    private static readonly string[] FieldNames = ["categoryId", "districtId", "nomineeName", "relationship", "storyZh", "storyEn", "nomineeEmail"];
    private static readonly string[] GoodValues = ["wisdom", "pudong", "周老伯", "neighbour",
        "周老伯每周六上午在社区图书室给孩子们讲上海老故事，已经坚持了八年，还把老照片整理成册供大家免费借阅。", "", "zhou@example.org"];

    private static readonly byte[] GoodJpeg = TestImages.Encode(640, 480, MagickFormat.Jpeg);
    private static readonly byte[] GoodPng = TestImages.Encode(300, 300, MagickFormat.Png);

    [Fact]
    public async Task Random_and_malformed_nominations_never_get_a_server_error_and_leave_nothing_half_stored()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync(random.Next(2) == 0 ? "en" : "zh-CN");
        var (_, formPage) = await resident.GetAsync($"/campaigns/{campaignId}/nominate");
        var token = System.Text.RegularExpressions.Regex.Match(formPage, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var started = DateTime.UtcNow;
        var apiKeys = new List<string>();
        var count = 0;

        for (; count < Requests && DateTime.UtcNow - started < TimeLimit; count++)
        {
            var toPage = random.Next(4) == 0;
            var key = Guid.NewGuid();
            HttpRequestMessage request;
            if (toPage)
            {
                request = new HttpRequestMessage(HttpMethod.Post, $"/campaigns/{campaignId}/nominate") { Content = Multipart(random, "Form.", token, key) };
            }
            else
            {
                request = new HttpRequestMessage(HttpMethod.Post, $"/api/campaigns/{campaignId}/nominations")
                {
                    Content = random.Next(3) == 0 ? Json(random) : Multipart(random, "", antiforgeryToken: null, key),
                };
                request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(20) == 0 ? "not-a-guid" : key.ToString());
                apiKeys.Add(key.ToString("N"));
            }

            var response = await resident.Client.SendAsync(request);

            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"seed {seed}, request {count}: {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        }
        output.WriteLine($"{count} requests");

        // Nothing half-stored: every photo the API stored belongs to a nomination that lists it, and every listed photo exists.
        foreach (var id in apiKeys.Distinct())
        {
            var nomination = await site.Grains.GetGrain<INominationGrain>(id).GetAsync();
            var files = site.PhotoFilesOf(id).Where(f => f.EndsWith(".jpg", StringComparison.Ordinal)).ToList();
            var expected = (nomination?.PhotoIds ?? []).SelectMany(p => new[] { $"{p}-display.jpg", $"{p}-thumb.jpg" }).Order().ToList();
            Assert.True(expected.SequenceEqual(files), $"seed {seed}: nomination {id} lists [{string.Join(", ", expected)}] but the store holds [{string.Join(", ", files)}]");
        }
    }

    private static HttpContent Json(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                return new StringContent(Garbage(random, random.Next(0, 300)), Encoding.UTF8, "application/json");
            case 1:
                var bytes = new byte[random.Next(0, 500)];
                random.NextBytes(bytes);
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return content;
            default:
                var fields = FieldNames.Select((name, i) => $"\"{name}\":{JsonValue(random, i)}").Where(_ => random.Next(8) != 0);
                return new StringContent("{" + string.Join(",", fields) + "}", Encoding.UTF8, random.Next(10) == 0 ? "text/plain" : "application/json");
        }
    }

    private static string JsonValue(Random random, int field) => random.Next(6) switch
    {
        0 => "null",
        1 => random.Next(-5, 1000).ToString(),
        2 => "\"\\ud800\\u0000\"", // a lone surrogate and a NUL, escaped
        3 => "[1,2,3]",
        4 => System.Text.Json.JsonSerializer.Serialize(Value(random, field)),
        _ => System.Text.Json.JsonSerializer.Serialize(GoodValues[field]),
    };

    private static HttpContent Multipart(Random random, string prefix, string? antiforgeryToken, Guid key)
    {
        if (random.Next(15) == 0)
        {
            // Not multipart at all, or a broken one: wrong boundary, cut short.
            var broken = new ByteArrayContent(Encoding.UTF8.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + Garbage(random, 50)));
            broken.Headers.TryAddWithoutValidation("Content-Type", random.Next(2) == 0 ? "multipart/form-data; boundary=abc" : "multipart/form-data");
            return broken;
        }
        var form = new MultipartFormDataContent();
        if (antiforgeryToken is not null && random.Next(10) != 0)
            form.Add(new StringContent(antiforgeryToken), "__RequestVerificationToken");
        if (prefix.Length > 0)
            form.Add(new StringContent(random.Next(5) == 0 ? Garbage(random, 40) : key.ToString("N")), "NominationId");
        for (var i = 0; i < FieldNames.Length; i++)
        {
            if (random.Next(8) == 0)
                continue;
            var name = prefix + (prefix.Length > 0 ? char.ToUpperInvariant(FieldNames[i][0]) + FieldNames[i][1..] : FieldNames[i]);
            if (random.Next(12) == 0)
            {
                var raw = new byte[random.Next(1, 64)];
                random.NextBytes(raw);
                form.Add(new ByteArrayContent(raw), name); // not UTF-8
            }
            else
            {
                form.Add(new StringContent(Value(random, i)), name);
            }
        }
        if (random.Next(10) == 0)
            form.Add(new StringContent("zzzzzzzzzzzzzzzz"), "KeepPhotoIds");
        for (var files = random.Next(0, 5); files > 0; files--)
        {
            var file = new ByteArrayContent(FileBytes(random));
            file.Headers.ContentType = new MediaTypeHeaderValue(random.Next(2) == 0 ? "image/jpeg" : "application/x-unknown");
            var field = prefix.Length > 0 ? "Photos" : "photos";
            if (random.Next(6) == 0)
            {
                // What a browser sends for a file input left empty: a nameless, empty file part.
                file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{field}\"", FileName = "\"\"" };
                form.Add(file);
            }
            else
            {
                form.Add(file, field, FileName(random));
            }
        }
        return form;
    }

    private static string Value(Random random, int field) => random.Next(7) switch
    {
        0 => "",
        1 => Garbage(random, random.Next(1, 80)),
        2 => new string('长', random.Next(1990, 2100)),
        3 => "<script>alert(1)</script>" + GoodValues[field],
        4 => GoodValues[field] + "\u0000\u202E\uFFFF",
        _ => GoodValues[field],
    };

    private static byte[] FileBytes(Random random)
    {
        switch (random.Next(6))
        {
            case 0: return [];
            case 1: return GoodJpeg;
            case 2: return GoodPng;
            case 3: return GoodJpeg[..random.Next(1, GoodJpeg.Length)];
            case 4: return TestImages.PngClaiming((uint)random.Next(1, 200_000), (uint)random.Next(1, 200_000));
            default:
                var bytes = new byte[random.Next(1, 20_000)];
                random.NextBytes(bytes);
                return bytes;
        }
    }

    /// <summary>Odd but sendable file names: folders, spaces, Chinese, percent signs, very long ones.</summary>
    private static string FileName(Random random)
    {
        const string characters = "abcXYZ019 _-.%&'()+照片家门口/\\";
        var name = new string(Enumerable.Range(0, random.Next(1, random.Next(10) == 0 ? 300 : 30)).Select(_ => characters[random.Next(characters.Length)]).ToArray());
        return "p" + name + (random.Next(2) == 0 ? ".jpg" : ".svg");
    }

    private static string Garbage(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0x4E00, 0x9FFF),
                2 => (char)random.Next(0, 0x20),
                3 => "\"{}[]<>&'\\/%"[random.Next(12)],
                _ => (char)random.Next(0x80, 0xFFFF),
            });
        }
        return text.ToString();
    }
}
