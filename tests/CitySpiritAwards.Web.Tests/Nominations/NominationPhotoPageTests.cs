using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Photos;
using CitySpiritAwards.Web.Tests.Photos.Processing;
using CitySpiritAwards.Web.Tests.Support;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>The nomination pages with photos, as a resident on a phone uses them, and the public gallery that results.</summary>
public sealed partial class NominationPhotoPageTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    private const string Story = "钱阿婆每天清早在弄堂口给上学的孩子们过马路，风雨无阻坚持了十二年，孩子们都叫她“护学奶奶”，家长们都很放心。";

    private static List<KeyValuePair<string, string>> Form(string nominationId, string name, string nomineeEmail, string district = "hongkou", string storyEn = "", params string[] keepPhotoIds)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("NominationId", nominationId),
            new("Form.CategoryId", "magnanimity"),
            new("Form.NomineeName", name),
            new("Form.DistrictId", district),
            new("Form.Relationship", "neighbour"),
            new("Form.StoryZh", Story),
            new("Form.StoryEn", storyEn),
            new("Form.NomineeEmail", nomineeEmail),
        };
        fields.AddRange(keepPhotoIds.Select(id => new KeyValuePair<string, string>("KeepPhotoIds", id)));
        return fields;
    }

    private static async Task<(HttpStatusCode Status, string Html, Uri? Location)> ReadAsync(HttpResponseMessage response) =>
        (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), response.Headers.Location);

    private async Task<NominationView> NominationAsync(string id) =>
        (await site.Grains.GetGrain<INominationGrain>(id).GetAsync())!;

    [Fact]
    public async Task A_good_photo_is_kept_while_the_resident_replaces_a_bad_one()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var path = $"/campaigns/{campaignId}/nominate";
        var nominationId = Guid.NewGuid().ToString("N");
        var files = new[] { ("Photos", "porch.jpg", TestImages.Encode(1200, 900, MagickFormat.Jpeg)), ("Photos", "notes.jpg", "not a photo"u8.ToArray()) };

        var (status, html, _) = await ReadAsync(await resident.SubmitMultipartAsync(path, Form(nominationId, "钱阿婆", "nominee@example.org"), files));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Photo 2 (notes.jpg): This file is not a photo", html);
        var kept = KeptPhoto().Match(html);
        Assert.True(kept.Success, "the good photo should be offered to keep");
        Assert.Contains("Keep photo 1", html);
        Assert.Null(await site.Grains.GetGrain<INominationGrain>(nominationId).GetAsync());

        var corrected = await resident.SubmitMultipartAsync(path, Form(nominationId, "钱阿婆", "nominee@example.org", keepPhotoIds: kept.Groups[1].Value));

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal([kept.Groups[1].Value], (await NominationAsync(nominationId)).PhotoIds);
        var (_, mine, _) = await ReadAsync(await resident.Client.GetAsync(corrected.Headers.Location));
        Assert.Contains($"/photos/{nominationId}/{kept.Groups[1].Value}/thumb", mine);
    }

    [Fact]
    public async Task While_the_text_needs_correcting_no_photo_is_decoded_but_a_file_that_is_no_photo_is_named_at_once()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominationId = Guid.NewGuid().ToString("N");
        var files = new[] { ("Photos", "porch.jpg", TestImages.Encode(1200, 900, MagickFormat.Jpeg)), ("Photos", "notes.jpg", "not a photo"u8.ToArray()) };
        var decodes = site.Decodes;

        var (status, html, _) = await ReadAsync(await resident.SubmitMultipartAsync($"/campaigns/{campaignId}/nominate", Form(nominationId, "钱", "nominee@example.org"), files));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Please write at least 2 characters", html);
        Assert.Contains("Photo 2 (notes.jpg): This file is not a photo", html);
        Assert.Contains("choose them again when you send the corrected form", html);
        Assert.DoesNotMatch(KeptPhoto(), html);
        Assert.Equal(decodes, site.Decodes);
        Assert.Empty(site.PhotoFilesOf(nominationId));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused_before_any_photo_is_read()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominationId = Guid.NewGuid().ToString("N");
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in Form(nominationId, "钱阿婆", "nominee@example.org"))
            form.Add(new StringContent(value), name);
        // 40 MB that the server would have to read (up to the 10 MB limit at least) if it looked at photos first.
        var photo = new CountingContent(40 * 1024 * 1024);
        form.Add(photo, "Photos", "a.jpg");

        var response = await resident.Client.PostAsync($"/campaigns/{campaignId}/nominate", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(photo.BytesSent < 4 * 1024 * 1024, $"the server read {photo.BytesSent:N0} bytes of the photo before refusing");
        Assert.Null(await site.Grains.GetGrain<INominationGrain>(nominationId).GetAsync());
        Assert.Empty(site.PhotoFilesOf(nominationId));
    }

    /// <summary>A large file part that counts how much of it the server pulled before it answered.</summary>
    private sealed class CountingContent(long length) : HttpContent
    {
        private long _sent;

        public long BytesSent => Interlocked.Read(ref _sent);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            try
            {
                for (long written = 0; written < length; written += chunk.Length)
                {
                    await stream.WriteAsync(chunk);
                    Interlocked.Add(ref _sent, chunk.Length);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server answered and stopped reading.
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }

    [Fact]
    public async Task The_nominator_changes_the_name_and_swaps_a_photo_and_the_removed_one_is_deleted()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync("zh-CN");
        var nominationId = Guid.NewGuid().ToString("N");
        await resident.SubmitMultipartAsync($"/campaigns/{campaignId}/nominate", Form(nominationId, "钱阿婆", "nominee@example.org"),
            [("Photos", "a.jpg", TestImages.Encode(800, 600, MagickFormat.Jpeg)), ("Photos", "b.png", TestImages.Encode(700, 700, MagickFormat.Png))]);
        var before = (await NominationAsync(nominationId)).PhotoIds;
        Assert.Equal(2, before.Count);

        var editPath = $"/nominations/{nominationId}/edit";
        var (_, editPage) = await resident.GetAsync(editPath);
        Assert.Contains("修改推荐", editPage);
        Assert.Contains($"/photos/{nominationId}/{before[0]}/thumb", editPage);
        var saved = await resident.SubmitMultipartAsync(editPath, Form(nominationId, "钱月娥", "nominee@example.org", keepPhotoIds: before[1]),
            [("Photos", "c.webp", TestImages.Encode(640, 480, MagickFormat.WebP))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await NominationAsync(nominationId);
        Assert.Equal("钱月娥", after.Draft.NomineeName);
        Assert.Equal(2, after.PhotoIds.Count);
        Assert.Equal(before[1], after.PhotoIds[0]);
        Assert.DoesNotContain(site.PhotoFilesOf(nominationId), file => file.StartsWith(before[0], StringComparison.Ordinal));
        Assert.Equal(4, site.PhotoFilesOf(nominationId).Count(f => f.EndsWith(".jpg", StringComparison.Ordinal)));
        var (_, mine) = await resident.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("修改已保存", mine);
    }

    [Fact]
    public async Task Someone_else_cannot_open_or_save_the_edit_page()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var owner = await site.ResidentAsync();
        var nominationId = Guid.NewGuid().ToString("N");
        await owner.SubmitMultipartAsync($"/campaigns/{campaignId}/nominate", Form(nominationId, "钱阿婆", "nominee@example.org"));
        var stranger = await site.ResidentAsync();

        var (status, _) = await stranger.GetAsync($"/nominations/{nominationId}/edit");
        var posted = await stranger.SubmitMultipartAsync($"/nominations/{nominationId}/edit", Form(nominationId, "改掉", "x@example.org"),
            formPath: $"/campaigns/{campaignId}/nominate"); // a token from a page the stranger may open

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal("钱阿婆", (await NominationAsync(nominationId)).Draft.NomineeName);
    }

    [Fact]
    public async Task The_gallery_shows_approved_consented_nominations_as_text_with_photos_by_district()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var nominee = AccountBrowser.NewEmail("nominee");
        var nominationId = Guid.NewGuid().ToString("N");
        const string scriptName = "钱<script>alert(1)</script>";
        const string scriptStory = "Mrs Qian walks the children across the lane every morning <img src=x onerror=alert(1)> in rain or shine, for twelve years now.";
        await resident.SubmitMultipartAsync($"/campaigns/{campaignId}/nominate", Form(nominationId, scriptName, nominee, "jingan", scriptStory),
            [("Photos", "a.jpg", TestImages.Encode(800, 600, MagickFormat.Jpeg))]);
        var hidden = await site.App.CreateClient().GetStringAsync($"/campaigns/{campaignId}/gallery?culture=en");
        Assert.DoesNotContain("钱&lt;script", hidden);

        var moderator = await site.ModeratorAsync();
        await site.AdvanceAsync(campaignId, CampaignPhase.Screening);
        (await moderator.Client.PostAsJsonAsync($"/api/nominations/{nominationId}/moderation", new { action = "Approve" })).EnsureSuccessStatusCode();
        (await site.App.CreateClient().PostAsJsonAsync($"/api/consent/{site.ConsentTokenFor(nominee)}", new { action = "Give" })).EnsureSuccessStatusCode();

        var visitor = site.App.CreateClient();
        var gallery = await visitor.GetStringAsync($"/campaigns/{campaignId}/gallery?culture=en&district=jingan");
        var otherDistrict = await visitor.GetStringAsync($"/campaigns/{campaignId}/gallery?culture=zh-CN&district=pudong");
        var page = await visitor.GetStringAsync($"/nominations/{nominationId}?culture=en");

        Assert.Contains("钱&lt;script&gt;alert(1)&lt;/script&gt;", gallery);
        Assert.DoesNotContain("<script>alert(1)", gallery);
        Assert.Contains("Jing&#x27;an", gallery); // the district's name, not its id
        Assert.Contains($"/photos/{nominationId}/", gallery);
        Assert.Contains("Public nominations: 1", gallery);
        Assert.Contains("共 0 条公开的推荐", otherDistrict);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain(nominee, page);
        Assert.DoesNotContain("nominee@", gallery);
    }

    [Fact]
    public async Task When_the_photo_store_fails_the_resident_is_told_and_no_nomination_is_left_behind()
    {
        var app = new AwardsAppFactory(new Dictionary<string, string?> { ["Account:SignupPermitLimit"] = "1000" })
        {
            ReplaceServices = services => services.AddSingleton<IPhotoStore>(new UnavailablePhotoStore()),
        };
        await app.InitializeAsync();
        try
        {
            await SubmitWhileTheStoreIsDownAsync(app);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static async Task SubmitWhileTheStoreIsDownAsync(AwardsAppFactory app)
    {
        var email = AccountBrowser.NewEmail("resident");
        await new AccountBrowser(app).RegisterAndConfirmAsync(email, "Resident-pass-1");
        var resident = new AccountBrowser(app);
        await resident.SignInAsync(email, "Resident-pass-1");
        var nominationId = Guid.NewGuid().ToString("N");

        var (status, html, _) = await ReadAsync(await resident.SubmitMultipartAsync("/campaigns/demo/nominate", Form(nominationId, "钱阿婆", "nominee@example.org"),
            [("Photos", "a.jpg", TestImages.Encode(800, 600, MagickFormat.Jpeg))]));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The photos could not be saved just now", html);
        Assert.Null(await app.Services.GetRequiredService<IGrainFactory>().GetGrain<INominationGrain>(nominationId).GetAsync());
    }

    private sealed class UnavailablePhotoStore : IPhotoStore
    {
        public Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
            throw new IOException("The photo store is down.");

        public Task<StoredPhoto?> OpenAsync(string key, CancellationToken cancellationToken) => Task.FromResult<StoredPhoto?>(null);
        public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(false);
        public Task DeleteAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<bool> IsAvailableAsync(CancellationToken cancellationToken) => Task.FromResult(false);
        public IAsyncEnumerable<StoredPhotoInfo> ListAsync(string prefix, CancellationToken cancellationToken) => AsyncEnumerable.Empty<StoredPhotoInfo>();
    }

    [GeneratedRegex("name=\"KeepPhotoIds\" value=\"([0-9a-f]{16})\"")]
    private static partial Regex KeptPhoto();
}
