using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Photos.Processing;
using CitySpiritAwards.Web.Tests.Support;
using ImageMagick;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>Photos sent with a nomination through the API: checked by content, cleaned, private until the nomination is public.</summary>
public sealed class NominationPhotoApiTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    private const string Story = "林阿姨在社区服务中心每周两天手把手教老人用手机预约挂号、办理社保，还把步骤写成大字卡片，老人们带回家照着就能做。";

    private static Dictionary<string, string> Fields(string nomineeEmail, string name = "林阿姨", string story = Story) => new()
    {
        ["categoryId"] = "magnanimity",
        ["districtId"] = "baoshan",
        ["nomineeName"] = name,
        ["relationship"] = "neighbour",
        ["storyZh"] = story,
        ["nomineeEmail"] = nomineeEmail,
    };

    private static async Task<HttpResponseMessage> NominateAsync(
        AccountBrowser resident, string campaignId, IDictionary<string, string> fields, Guid key, params (string Name, byte[] Content)[] photos)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        foreach (var (fileName, content) in photos)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // what the client claims counts for nothing
            form.Add(file, "photos", fileName);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations")) { Content = form };
        request.Headers.Add("Idempotency-Key", key.ToString());
        return await resident.Client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<JsonElement>> MineAsync(AccountBrowser resident, string campaignId) =>
        (await resident.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/nominations/mine")).EnumerateArray().ToList();

    [Fact]
    public async Task A_photo_comes_without_its_location_and_stays_private_until_the_nomination_is_public()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");

        var response = await NominateAsync(resident, campaignId, Fields(nominee), Guid.NewGuid(), ("IMG_2041.JPG", TestImages.PhoneJpegWithGpsRotated()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var photoId = Assert.Single(created.GetProperty("photoIds").EnumerateArray()).GetString()!;
        var thumb = $"/photos/{id}/{photoId}/thumb";
        var display = $"/photos/{id}/{photoId}/display";

        var ownView = await resident.Client.GetAsync(display);
        Assert.Equal(HttpStatusCode.OK, ownView.StatusCode);
        Assert.Equal("image/jpeg", ownView.Content.Headers.ContentType!.MediaType);
        Assert.True(ownView.Headers.CacheControl!.NoStore);
        using (var image = new MagickImage(await ownView.Content.ReadAsByteArrayAsync()))
        {
            Assert.Null(image.GetExifProfile()); // no GPS, no camera, nothing
            Assert.Null(image.GetIptcProfile());
            Assert.Equal((400u, 600u), (image.Width, image.Height)); // turned upright
        }
        Assert.Equal(HttpStatusCode.NotFound, (await site.App.CreateClient().GetAsync(thumb)).StatusCode);
        var token = site.ConsentTokenFor(nominee);
        Assert.Equal(HttpStatusCode.OK, (await site.App.CreateClient().GetAsync($"{thumb}?consent={token}")).StatusCode);

        var moderator = await site.ModeratorAsync();
        await site.AdvanceAsync(campaignId, CampaignPhase.Screening);
        (await moderator.Client.PostAsJsonAsync($"/api/nominations/{id}/moderation", new { action = "Approve" })).EnsureSuccessStatusCode();
        (await site.App.CreateClient().PostAsJsonAsync($"/api/consent/{token}", new { action = "Give" })).EnsureSuccessStatusCode();

        var visitor = site.App.CreateClient();
        var publicView = await visitor.GetAsync(thumb);
        Assert.Equal(HttpStatusCode.OK, publicView.StatusCode);
        Assert.True(publicView.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromMinutes(5), publicView.Headers.CacheControl.MaxAge);
        var again = new HttpRequestMessage(HttpMethod.Get, thumb);
        again.Headers.IfNoneMatch.Add(publicView.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(again)).StatusCode);
        var gallery = await visitor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/nominations");
        var card = Assert.Single(gallery.GetProperty("items").EnumerateArray());
        Assert.Equal(thumb, card.GetProperty("photos")[0].GetProperty("thumbnail").GetString());

        (await site.App.CreateClient().PostAsJsonAsync($"/api/consent/{token}", new { action = "Withdraw" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(thumb)).StatusCode);
        Assert.Equal(0, (await visitor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/nominations")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/nominations/{id}")).StatusCode);
    }

    [Fact]
    public async Task HEAD_on_a_photo_answers_as_GET_does_without_the_body()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var response = await NominateAsync(resident, campaignId, Fields(nominee), Guid.NewGuid(), ("a.jpg", TestImages.Encode(800, 600, MagickFormat.Jpeg)));
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var photoId = Assert.Single(created.GetProperty("photoIds").EnumerateArray()).GetString()!;
        var display = $"/photos/{id}/{photoId}/display";
        static HttpRequestMessage Head(string url) => new(HttpMethod.Head, url);

        // Not public yet: a visitor is refused for HEAD just as for GET; the nominator is answered, and nothing may cache it.
        var visitor = site.App.CreateClient();
        var refusedGet = await visitor.GetAsync(display);
        var refusedHead = await visitor.SendAsync(Head(display));
        Assert.Equal(HttpStatusCode.NotFound, refusedGet.StatusCode);
        Assert.Equal(refusedGet.StatusCode, refusedHead.StatusCode);
        Assert.Equal(refusedGet.Content.Headers.ContentType, refusedHead.Content.Headers.ContentType); // the same error page (Kestrel drops its body for HEAD)
        var ownHead = await resident.Client.SendAsync(Head(display));
        Assert.Equal(HttpStatusCode.OK, ownHead.StatusCode);
        Assert.True(ownHead.Headers.CacheControl!.NoStore);
        Assert.Empty(await ownHead.Content.ReadAsByteArrayAsync());

        var token = site.ConsentTokenFor(nominee);
        var moderator = await site.ModeratorAsync();
        await site.AdvanceAsync(campaignId, CampaignPhase.Screening);
        (await moderator.Client.PostAsJsonAsync($"/api/nominations/{id}/moderation", new { action = "Approve" })).EnsureSuccessStatusCode();
        (await site.App.CreateClient().PostAsJsonAsync($"/api/consent/{token}", new { action = "Give" })).EnsureSuccessStatusCode();

        // Public: the same status and headers as GET, and an empty body.
        var get = await visitor.GetAsync(display);
        var head = await visitor.SendAsync(Head(display));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/jpeg", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.NotNull(get.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.True(head.Headers.CacheControl!.Public);
        Assert.Equal(PhotoMaxAge, head.Headers.CacheControl.MaxAge);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        var revalidate = Head(display);
        revalidate.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(revalidate)).StatusCode);
    }

    private static readonly TimeSpan PhotoMaxAge = TimeSpan.FromMinutes(5);

    public static TheoryData<string, string, string> RefusedUploads() => new()
    {
        { "empty", "empty.jpg", "This file is empty" },
        { "text named .jpg", "holiday.jpg", "This file is not a photo" },
        { "truncated JPEG", "cut-off.jpg", "damaged or incomplete" },
        { "PNG claiming 100000 × 100000 pixels", "bomb.png", "This photo is too big" },
        { "SVG", "drawing.jpg", "SVG files are not accepted" },
        { "over 10 MB", "huge.jpg", "10 MB or smaller" },
    };

    private static byte[] Upload(string kind) => kind switch
    {
        "empty" => [],
        "text named .jpg" => Encoding.UTF8.GetBytes("Dear committee, this is not a picture.\n"),
        "truncated JPEG" => TestImages.Encode(800, 600, MagickFormat.Jpeg)[..6000],
        "PNG claiming 100000 × 100000 pixels" => TestImages.PngClaiming(100_000, 100_000),
        "SVG" => Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' width='400' height='400'><script>alert(1)</script></svg>"),
        "over 10 MB" => [.. TestImages.Encode(800, 600, MagickFormat.Jpeg), .. new byte[10 * 1024 * 1024]],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task A_refused_photo_gets_a_clear_message_and_nothing_is_stored(string kind, string fileName, string message)
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var key = Guid.NewGuid();

        var response = await NominateAsync(resident, campaignId, Fields(AccountBrowser.NewEmail("nominee")), key,
            ("good.jpg", TestImages.Encode(800, 600, MagickFormat.Jpeg)), (fileName, Upload(kind)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(problem.GetProperty("errors").GetProperty("photos").EnumerateArray()).GetString()!;
        Assert.StartsWith($"Photo 2 ({fileName}): ", error);
        Assert.Contains(message, error);
        Assert.Empty(await MineAsync(resident, campaignId));
        Assert.Empty(site.PhotoFilesOf(key.ToString("N")));
    }

    [Fact]
    public async Task Four_photos_are_refused_in_Chinese_and_nothing_is_stored()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync("zh-CN");
        var key = Guid.NewGuid();
        var photo = TestImages.Encode(800, 600, MagickFormat.Jpeg);

        var response = await NominateAsync(resident, campaignId, Fields(AccountBrowser.NewEmail("nominee")), key,
            ("1.jpg", photo), ("2.jpg", photo), ("3.jpg", photo), ("4.jpg", photo));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("推荐信息需要修改", problem.GetProperty("title").GetString());
        Assert.Equal("最多上传 3 张照片。", problem.GetProperty("errors").GetProperty("photos")[0].GetString());
        Assert.Empty(await MineAsync(resident, campaignId));
        Assert.Empty(site.PhotoFilesOf(key.ToString("N")));
    }

    [Fact]
    public async Task Text_problems_are_reported_together_with_photo_problems()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();

        var response = await NominateAsync(resident, campaignId, Fields("not-an-email", story: new string('长', 100_000)), Guid.NewGuid(),
            ("notes.jpg", Encoding.UTF8.GetBytes("not a photo")));

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("not a photo", errors.GetProperty("photos")[0].GetString());
        Assert.Equal("Please keep it to 2000 characters (now 100000).", errors.GetProperty("storyZh")[0].GetString());
        Assert.Contains("valid email address", errors.GetProperty("nomineeEmail")[0].GetString());
    }

    [Fact]
    public async Task A_field_that_is_not_UTF8_is_refused_as_unreadable()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var fields = Fields(AccountBrowser.NewEmail("nominee"));
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Key != "nomineeName"))
            form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent([0xC3, 0x28, 0xFF, 0xFE]), "nomineeName"); // broken UTF-8
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url($"/api/campaigns/{campaignId}/nominations")) { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await resident.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("characters we cannot read", errors.GetProperty("nomineeName")[0].GetString());
        Assert.Empty(await MineAsync(resident, campaignId));
    }

    [Fact]
    public async Task The_same_photos_sent_twice_with_one_key_make_one_nomination_and_one_email()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var key = Guid.NewGuid();
        var photo = ("a.jpg", TestImages.Encode(900, 600, MagickFormat.Png));

        var responses = await Task.WhenAll(
            NominateAsync(resident, campaignId, Fields(nominee), key, photo),
            NominateAsync(resident, campaignId, Fields(nominee), key, photo));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(await MineAsync(resident, campaignId));
        Assert.Equal(2, site.PhotoFilesOf(key.ToString("N")).Count(f => f.EndsWith(".jpg", StringComparison.Ordinal))); // one photo: thumb + display
        Assert.Single(Testing.OutboxReader.To(site.App.DataPath, nominee));
    }

    [Fact]
    public async Task Photos_sent_outside_the_nominating_phase_are_not_kept()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Screening);
        var resident = await site.ResidentAsync();
        var key = Guid.NewGuid();

        var response = await NominateAsync(resident, campaignId, Fields(AccountBrowser.NewEmail("nominee")), key,
            ("a.jpg", TestImages.Encode(800, 600, MagickFormat.Jpeg)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(site.PhotoFilesOf(key.ToString("N")));
    }

    [Fact]
    public async Task A_request_larger_than_four_full_size_photos_is_cut_off_with_a_clear_answer()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var big = new byte[9 * 1024 * 1024];

        var response = await NominateAsync(resident, campaignId, Fields(AccountBrowser.NewEmail("nominee")), Guid.NewGuid(),
            ("1.jpg", big), ("2.jpg", big), ("3.jpg", big), ("4.jpg", big), ("5.jpg", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The upload is too large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Empty(await MineAsync(resident, campaignId));
    }
}
