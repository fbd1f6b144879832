using System.Net;

namespace CitySpiritAwards.Web.Tests.Support;

public static class AdminClient
{
    /// <summary>A browser signed in with the given account through the real sign-in page.</summary>
    public static async Task<HttpClient> SignInAsync(AwardsAppFactory app, string email, string password)
    {
        var browser = new AccountBrowser(app);
        var response = await browser.SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return browser.Client;
    }
}
