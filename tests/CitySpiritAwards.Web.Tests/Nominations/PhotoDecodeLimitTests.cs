using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Photos.Processing;
using CitySpiritAwards.Web.Tests.Photos.Processing;
using CitySpiritAwards.Web.Tests.Support;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>
/// Photo decoding is the expensive part of a nomination: it happens only for a form that can be taken (phase, quota,
/// fields), and no more than the silo's decode slots at once (one here, waiting a tenth of a second).
/// </summary>
public sealed class PhotoDecodeLimitTests(PhotoDecodeLimitTests.Site site) : IClassFixture<PhotoDecodeLimitTests.Site>
{
    public sealed class Site() : NominationsSite(new Dictionary<string, string?>
    {
        ["Photos:MaxConcurrentDecodes"] = "1",
        ["Photos:DecodeWait"] = "00:00:00.1",
    });

    private const string Story = "林阿姨在社区服务中心每周两天手把手教老人用手机预约挂号、办理社保，还把步骤写成大字卡片，老人们带回家照着就能做。";

    /// <summary>A real 12 MP PNG, well within the pixel limit: decoding it would cost what the probe's photos cost.</summary>
    private static readonly Lazy<byte[]> LargePng = new(() => TestImages.Encode(4000, 3000, MagickFormat.Png));

    private static async Task<HttpResponseMessage> NominateAsync(AccountBrowser resident, string campaignId, string name, Guid key, byte[] photo)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, value) in new Dictionary<string, string>
        {
            ["categoryId"] = "magnanimity", ["districtId"] = "baoshan", ["nomineeName"] = name, ["relationship"] = "neighbour",
            ["storyZh"] = Story, ["nomineeEmail"] = AccountBrowser.NewEmail("nominee"),
        })
            form.Add(new StringContent(value), field);
        for (var i = 1; i <= 3; i++)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "photos", $"{i}.png");
        }
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations")) { Content = form };
        request.Headers.Add("Idempotency-Key", key.ToString());
        return await resident.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_nomination_outside_the_nominating_phase_is_refused_for_its_phase_without_decoding_its_photos()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Screening);
        var resident = await site.ResidentAsync();
        var key = Guid.NewGuid();
        var decodes = site.Decodes;

        var response = await NominateAsync(resident, campaignId, "林阿姨", key, LargePng.Value);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("urn:city-spirit-awards:wrong-phase", problem.GetProperty("type").GetString());
        Assert.False(problem.TryGetProperty("errors", out _)); // no photo message: the photos were never looked at
        Assert.Equal(decodes, site.Decodes);
        Assert.Empty(site.PhotoFilesOf(key.ToString("N")));
    }

    [Fact]
    public async Task A_resident_over_the_quota_is_refused_for_the_quota_without_decoding_their_photos()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync("zh-CN");
        for (var i = 0; i < CampaignSettings.Default.NominationsPerResident; i++)
            (await resident.Client.SendAsync(JsonNomination(resident, campaignId, $"林阿姨{i}"))).EnsureSuccessStatusCode();
        var decodes = site.Decodes;

        var response = await NominateAsync(resident, campaignId, "林阿姨", Guid.NewGuid(), LargePng.Value);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("urn:city-spirit-awards:quota-reached", (await ProblemAsync(response)).GetProperty("type").GetString());
        Assert.Equal(decodes, site.Decodes);
    }

    [Fact]
    public async Task Invalid_fields_are_reported_without_decoding_the_photos()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var decodes = site.Decodes;

        var response = await NominateAsync(resident, campaignId, "林", Guid.NewGuid(), LargePng.Value);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.Contains("at least 2 characters", errors.GetProperty("nomineeName")[0].GetString());
        Assert.Contains("choose them again", errors.GetProperty("photos")[0].GetString());
        Assert.Equal(decodes, site.Decodes);
    }

    [Fact]
    public async Task When_every_decode_slot_is_taken_the_nomination_is_answered_busy_and_nothing_is_stored()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync("zh-CN");
        var key = Guid.NewGuid();
        var photo = TestImages.Encode(800, 600, MagickFormat.Png);
        var gate = site.App.Services.GetRequiredService<PhotoDecodeGate>();

        HttpResponseMessage busy;
        using (var taken = await gate.TryEnterAsync(CancellationToken.None)) // another nomination's photo being decoded
        {
            Assert.NotNull(taken);
            busy = await NominateAsync(resident, campaignId, "林阿姨", key, photo);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.Equal("网站正忙，请稍等片刻再提交一次。这次提交的内容都没有保存。", (await ProblemAsync(busy)).GetProperty("detail").GetString());
        Assert.Empty(site.PhotoFilesOf(key.ToString("N")));
        Assert.Empty((await resident.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/nominations/mine")).EnumerateArray());

        var later = await NominateAsync(resident, campaignId, "林阿姨", key, photo);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
    }

    [Fact]
    public async Task The_page_answers_busy_in_the_readers_language_when_every_decode_slot_is_taken()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominationId = Guid.NewGuid().ToString("N");
        var gate = site.App.Services.GetRequiredService<PhotoDecodeGate>();

        HttpResponseMessage busy;
        using (await gate.TryEnterAsync(CancellationToken.None))
        {
            busy = await resident.SubmitMultipartAsync($"/campaigns/{campaignId}/nominate",
            [
                new("NominationId", nominationId), new("Form.CategoryId", "magnanimity"), new("Form.NomineeName", "林阿姨"),
                new("Form.DistrictId", "baoshan"), new("Form.Relationship", "neighbour"), new("Form.StoryZh", Story),
                new("Form.NomineeEmail", AccountBrowser.NewEmail("nominee")),
            ], [("Photos", "a.png", TestImages.Encode(800, 600, MagickFormat.Png))]);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Contains("The site is busy: please try again in a moment.", WebUtility.HtmlDecode(await busy.Content.ReadAsStringAsync()));
        Assert.Empty(site.PhotoFilesOf(nominationId));
    }

    private static HttpRequestMessage JsonNomination(AccountBrowser resident, string campaignId, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations"))
        {
            Content = JsonContent.Create(new
            {
                categoryId = "magnanimity", districtId = "baoshan", nomineeName = name, relationship = "neighbour", storyZh = Story,
                nomineeEmail = AccountBrowser.NewEmail("nominee"),
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }
}
