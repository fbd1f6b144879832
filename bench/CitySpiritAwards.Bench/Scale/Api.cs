using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>The site's JSON API as one signed-in person, for setting up what is measured (not for measuring).</summary>
public sealed class Api(SiteProcess site, string cookie) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = site.Address,
        Timeout = TimeSpan.FromMinutes(10),
    };

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        return await SendAsync(request);
    }

    /// <summary>The administrator's "start the next phase now" (<c>POST /api/admin/campaigns/{id}/phase</c>).</summary>
    public Task<JsonElement> AdvanceAsync(string campaignId, string phase) => PostAsync($"/api/admin/campaigns/{campaignId}/phase", new { phase });

    public async Task<JsonElement> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<JsonElement> PutAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path);
        return await SendAsync(request);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Add("Cookie", cookie);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _client.Dispose();
}
