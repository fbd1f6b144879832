using CitySpiritAwards.Testing;
using System.Net;
using System.Text.RegularExpressions;

namespace CitySpiritAwards.Web.Tests.Support;

/// <summary>A browser (cookies kept, redirects not followed) that fills in the account forms the way a person does.</summary>
public sealed partial class AccountBrowser(AwardsAppFactory app, string culture = "en")
{
    public HttpClient Client { get; } = app.CreateBrowser();

    /// <summary>The page's address with the language chosen for this browser.</summary>
    public string Url(string path) => path + (path.Contains('?') ? "&" : "?") + "culture=" + culture;

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(Url(path));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>
    /// GETs the page (or <paramref name="formPath"/>, the page the form is on), then POSTs the fields, a name as often as a
    /// form repeats it, with the antiforgery token the page rendered.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPath = null)
    {
        var page = await Client.GetAsync(Url(formPath ?? path));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{formPath ?? path} rendered no antiforgery token.");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Client.PostAsync(Url(path), new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Like a browser sending a form with file inputs (multipart/form-data): the antiforgery token first, as the page
    /// places it, then the fields in order, then the files as (field name, file name, bytes).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitMultipartAsync(
        string path, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Field, string FileName, byte[] Content)>? files = null, string? formPath = null)
    {
        var page = await Client.GetAsync(Url(formPath ?? path));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"{path} rendered no antiforgery token.");
        var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        foreach (var (field, fileName, content) in files ?? [])
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, field, fileName);
        }
        return await Client.PostAsync(Url(path), form);
    }

    /// <summary>Submits a form that answers with a redirect (post/redirect/get) and returns the page it leads to.</summary>
    public async Task<(HttpStatusCode Status, string Html)> SubmitAndFollowAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPath = null)
    {
        var response = await SubmitAsync(path, fields, formPath);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}, not a redirect to a page to read.");
        return await GetAsync(response.Headers.Location!.OriginalString);
    }

    public async Task<(HttpStatusCode Status, string Html)> SubmitForPageAsync(string path, IDictionary<string, string> fields)
    {
        var response = await SubmitAsync(path, fields);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public Task<(HttpStatusCode Status, string Html)> RegisterAsync(string email, string password, string displayName = "Test resident") =>
        SubmitForPageAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public Task<HttpResponseMessage> SignInAsync(string email, string password, string path = "/account/login") =>
        SubmitAsync(path, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        });

    /// <summary>Registers, opens the link from the email and returns once the account is confirmed.</summary>
    public async Task RegisterAndConfirmAsync(string email, string password)
    {
        var (status, _) = await RegisterAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, status);
        var (confirmed, html) = await GetAsync(OutboxReader.LatestTo(app.DataPath, email).ConfirmationLink());
        Assert.Equal(HttpStatusCode.OK, confirmed);
        Assert.Contains("is confirmed", html);
    }

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
