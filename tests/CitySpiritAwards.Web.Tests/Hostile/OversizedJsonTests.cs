using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Hostile;

/// <summary>
/// The site on Kestrel, as deployed (the in-memory test server has no request size limit): a JSON nomination over
/// Kestrel's 30 MB limit made the body reader throw, answered as a server error. It gets a clear 413 instead, and
/// so does anything over the 1 MiB a nomination's JSON could ever need.
/// </summary>
public sealed class OversizedJsonTests : IAsyncLifetime
{
    private readonly AwardsAppFactory _app = new(new Dictionary<string, string?> { ["Account:SignupPermitLimit"] = "1000" });

    public Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        _app.BrowserBaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Theory]
    [InlineData(31 * 1024 * 1024, "zh-CN", "推荐内容过大，无法读取")]
    [InlineData(2 * 1024 * 1024, "en", "The nomination is too large to read")]
    public async Task A_JSON_nomination_too_large_to_read_gets_a_clear_413_in_the_readers_language(int size, string culture, string title)
    {
        var resident = new AccountBrowser(_app, culture);
        var email = AccountBrowser.NewEmail("resident");
        await new AccountBrowser(_app).RegisterAndConfirmAsync(email, "Resident-pass-1");
        await resident.SignInAsync(email, "Resident-pass-1");
        var story = new string('长', size / 3);
        var body = Encoding.UTF8.GetBytes($$"""{"categoryId":"magnanimity","districtId":"baoshan","nomineeName":"林阿姨","relationship":"neighbour","nomineeEmail":"lin@example.org","storyZh":"{{story}}"}""");
        var request = new HttpRequestMessage(HttpMethod.Post, resident.Url("/api/campaigns/demo/nominations")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.ExpectContinue = true; // as curl sends a large body: the answer may come before the body is sent

        var response = await resident.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Empty((await resident.Client.GetFromJsonAsync<JsonElement>("/api/campaigns/demo/nominations/mine")).EnumerateArray());
    }
}
