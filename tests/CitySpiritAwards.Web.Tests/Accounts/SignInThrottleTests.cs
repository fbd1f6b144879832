using CitySpiritAwards.Web.Tests.Fraud;
using CitySpiritAwards.Web.Tests.Support;
using System.Net;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>
/// Guessing passwords meets 429 on the sign-in page, and never locks the owner out. Requests come through a proxy on loopback,
/// as deployed, so each client's network is taken from X-Forwarded-For.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Password = "magnolia on the bund";

    private static Task WithSiteAsync(Dictionary<string, string?> settings, Func<AwardsAppFactory, Task> test) =>
        AccountsSite.WithOwnSiteAsync(settings, test, replaceServices: LoopbackProxy.AddTo);

    private static AccountBrowser From(AwardsAppFactory app, string address, string culture = "en")
    {
        var browser = new AccountBrowser(app, culture);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    private static async Task<string> OwnerAsync(AwardsAppFactory app)
    {
        var email = AccountBrowser.NewEmail("owner");
        await From(app, "192.0.2.10").RegisterAndConfirmAsync(email, Password);
        return email;
    }

    [Fact]
    public Task Sixty_wrong_passwords_from_one_network_meet_429_and_the_owner_still_signs_in_from_another() =>
        WithSiteAsync(new(), async app => // the shipped limits
        {
            var email = await OwnerAsync(app);
            var attacker = From(app, "198.51.100.7");

            var answers = new List<HttpStatusCode>();
            for (var attempt = 1; attempt <= 60; attempt++)
                answers.Add((await attacker.SignInAsync(email, $"guess number {attempt}")).StatusCode);

            Assert.All(answers.Take(30), status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.All(answers.Skip(30), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
            var refused = await From(app, "198.51.100.8", culture: "zh-CN").SignInAsync(email, Password); // the same /24, the right password
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("登录尝试失败的次数太多了", page);
            Assert.Contains("分钟后再试", page);
            Assert.Contains("name=\"Input.Email\"", page); // the form is still there

            var owner = From(app, "203.0.113.25");
            var signedIn = await owner.SignInAsync(email, Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync("/account/manage")).StatusCode);
        });

    [Fact]
    public Task The_429_page_is_in_English_for_English_readers() =>
        WithSiteAsync(new() { ["Account:SignInFailuresPerNetwork"] = "2" }, async app =>
        {
            var visitor = From(app, "198.51.100.40");
            await visitor.SignInAsync(AccountBrowser.NewEmail("a"), "first wrong guess");
            await visitor.SignInAsync(AccountBrowser.NewEmail("b"), "second wrong guess");

            var third = await visitor.SignInAsync(AccountBrowser.NewEmail("c"), "third wrong guess");

            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Contains("There have been too many failed sign-in attempts. To keep accounts safe, please try again in 10 minutes.",
                WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync()));
        });

    [Fact]
    public Task Guesses_from_many_networks_share_one_budget_per_address_but_a_network_that_has_not_failed_is_not_held_back() =>
        WithSiteAsync(new() { ["Account:SignInFailuresPerAccount"] = "3" }, async app =>
        {
            var email = await OwnerAsync(app);
            var guessers = Enumerable.Range(1, 4).Select(i => From(app, $"198.51.{i}.7")).ToList();
            foreach (var guesser in guessers)
                Assert.Equal(HttpStatusCode.OK, (await guesser.SignInAsync(email, "one wrong guess")).StatusCode);

            foreach (var guesser in guessers) // each has failed here, and the address has had its 3 failures and more
                Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.SignInAsync(email, Password)).StatusCode);

            Assert.Equal(HttpStatusCode.Redirect, (await From(app, "203.0.113.99").SignInAsync(email, Password)).StatusCode);
        });

    [Fact]
    public Task Five_wrong_passwords_lock_out_only_the_network_they_came_from() =>
        WithSiteAsync(new(), async app =>
        {
            var email = await OwnerAsync(app);
            var attacker = From(app, "198.51.100.7");
            for (var attempt = 1; attempt <= 5; attempt++)
                await attacker.SignInAsync(email, $"guess number {attempt}");

            var right = WebUtility.HtmlDecode(await (await attacker.SignInAsync(email, Password)).Content.ReadAsStringAsync());
            Assert.Contains("this account is locked for now. Please try again in 15 minutes.", right);

            Assert.Equal(HttpStatusCode.Redirect, (await From(app, "203.0.113.25").SignInAsync(email, Password)).StatusCode);
        });
}
