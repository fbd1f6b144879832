using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Cluster;
using CitySpiritAwards.Web.Tests.Photos.Processing;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Faults;

/// <summary>
/// Blob storage gone in the middle of nominating (cluster mode, a private Azurite stopped under the site): the resident gets a
/// clear 503 in their language, nothing is created however often they retry, and the site reports itself not ready.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PhotoStoreOutageTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly AzuriteServer _azurite = new();
    private ClusterSite _site = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _site = new ClusterSite(servers, new Dictionary<string, string?> { ["Account:SignupPermitLimit"] = "1000" })
        {
            FirstOnly = true,
            BlobConnectionString = _azurite.ConnectionString,
        };
        await _site.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task With_Azurite_stopped_a_nomination_with_a_photo_gets_a_clear_503_and_none_is_created()
    {
        var resident = new AccountBrowser(_site.First, "en");
        var email = AccountBrowser.NewEmail("nominator");
        await resident.RegisterAndConfirmAsync(email, "Nominator-pass-1");
        await resident.SignInAsync(email, "Nominator-pass-1");
        var before = await CountAsync();
        var client = _site.First.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await _azurite.StopAsync();
        var key = Guid.NewGuid();
        foreach (var attempt in new[] { "first try", "the resident's retry" })
        {
            var response = await NominateAsync(resident, key);

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{attempt}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("The photos could not be saved just now, so the nomination was not submitted. Please try again in a moment.",
                problem.GetProperty("title").GetString());
            Assert.Equal("urn:city-spirit-awards:photos-unavailable", problem.GetProperty("type").GetString());
        }

        Assert.Equal(0, (await resident.Client.GetFromJsonAsync<JsonElement>("/api/campaigns/demo/nominations/mine")).GetArrayLength());
        Assert.Equal(before, await CountAsync());
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("photos").GetProperty("status").GetString());
    }

    private async Task<int> CountAsync() =>
        (await _site.First.Services.GetRequiredService<NominationQueries>().CountsAsync("demo")).Values.Sum();

    private static async Task<HttpResponseMessage> NominateAsync(AccountBrowser resident, Guid key)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("excellence"), "categoryId" },
            { new StringContent("songjiang"), "districtId" },
            { new StringContent("测试师傅"), "nomineeName" },
            { new StringContent("neighbour"), "relationship" },
            { new StringContent("测试师傅在松江的修车铺干了二十年，手艺精湛，收费公道，还免费教年轻人修理技术，街坊邻居都很信得过他。"), "storyZh" },
            { new StringContent(AccountBrowser.NewEmail("nominee")), "nomineeEmail" },
        };
        var photo = new ByteArrayContent(TestImages.PhoneJpegWithGpsRotated());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "photos", "workshop.jpg");
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url("/api/campaigns/demo/nominations")) { Content = form };
        request.Headers.Add("Idempotency-Key", key.ToString());
        return await resident.Client.SendAsync(request);
    }
}
