using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Bench;

/// <summary>Confirmed residents made the way people make them: register page, the emailed link, the sign-in page.</summary>
public static partial class Residents
{
    public const string Password = "Bench-voter-1";

    /// <summary>The email of resident <paramref name="i"/> made by <see cref="CreateAsync"/> with this prefix.</summary>
    public static string Email(int i, string prefix = "bench-voter") => $"{prefix}-{i:00000}@example.org";

    /// <summary>Creates <paramref name="count"/> residents (<see cref="Email"/>) and returns their sign-in cookies ("name=value").</summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(SiteProcess site, int count, int parallelism, string prefix = "bench-voter")
    {
        var emails = Enumerable.Range(0, count).Select(i => Email(i, prefix)).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };

        await Parallel.ForEachAsync(emails, options, async (email, _) =>
        {
            using var browser = Browser(site);
            var response = await SubmitAsync(browser, "/account/register?culture=en", new()
            {
                ["Input.Email"] = email,
                ["Input.DisplayName"] = "Bench voter",
                ["Input.Password"] = Password,
                ["Input.ConfirmPassword"] = Password,
            });
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"Registering {email} answered {(int)response.StatusCode}.");
        });

        var links = Directory.GetFiles(Path.Combine(site.DataPath, "outbox"), "*.eml")
            .Select(OutboxReader.Parse)
            .GroupBy(e => e.To, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().ConfirmationLink(), StringComparer.OrdinalIgnoreCase);

        var cookies = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(emails.Select((email, i) => (email, i)), options, async (resident, _) =>
        {
            using var browser = Browser(site);
            (await browser.Client.GetAsync(links[resident.email])).EnsureSuccessStatusCode();
            cookies[resident.i] = await SignInAsync(browser, resident.email, Password);
        });
        return Enumerable.Range(0, count).Select(i => cookies[i]).ToList();
    }

    /// <summary>Signs in through the page and returns the account cookie.</summary>
    public static async Task<string> SignInAsync(SiteProcess site, string email, string password)
    {
        using var browser = Browser(site);
        return await SignInAsync(browser, email, password);
    }

    private static async Task<string> SignInAsync(CookieBrowser browser, string email, string password)
    {
        var response = await SubmitAsync(browser, "/account/login?culture=en", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode}.");
        var cookie = browser.Cookies.GetCookies(browser.Client.BaseAddress!)[".CitySpiritAwards.Account"]
            ?? throw new InvalidOperationException($"Signing in {email} set no account cookie.");
        return $"{cookie.Name}={cookie.Value}";
    }

    private static async Task<HttpResponseMessage> SubmitAsync(CookieBrowser browser, string path, Dictionary<string, string> fields)
    {
        var page = await browser.Client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        return await browser.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static CookieBrowser Browser(SiteProcess site)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = site.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        return new CookieBrowser(client, cookies);
    }

    private sealed record CookieBrowser(HttpClient Client, CookieContainer Cookies) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
