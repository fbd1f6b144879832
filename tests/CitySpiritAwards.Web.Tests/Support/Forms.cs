using System.Net;
using System.Text.RegularExpressions;

namespace CitySpiritAwards.Web.Tests.Support;

/// <summary>Fills in a page's form as a browser would: with the antiforgery token the page rendered.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var page = await browser.GetAsync(pageUrl);
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        if (!token.Success)
            throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await browser.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public static class AdminClient
{
    /// <summary>A browser signed in with the given account through the real sign-in page.</summary>
    public static async Task<HttpClient> SignInAsync(AwardsAppFactory app, string email, string password)
    {
        var browser = app.CreateBrowser();
        var response = await Forms.SubmitAsync(browser, "/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return browser;
    }
}
