using System.Net;

namespace CitySpiritAwards.Web.Tests.Security;

/// <summary>
/// What every answer tells the browser, on the site as deployed (Production, HTTPS): no type sniffing, no framing, a referrer
/// policy, HSTS, and a content security policy that runs no inline script outside the administrators' dashboards; and what an
/// unexpected failure shows: a readable page or problem+json, never the exception.
/// </summary>
public sealed class SecurityHeadersTests(SecuritySite site) : IClassFixture<SecuritySite>
{
    [Fact]
    public async Task Every_page_API_answer_and_file_carries_the_security_headers()
    {
        var endpoints = (await MappedEndpoints.ReadAsync(site.App.Services)).Where(e => e.Endpoint.Method == "GET").ToList();
        var paths = endpoints.Select(e => (e.Endpoint, Path: MappedEndpoints.PathFor(e.Route, site.Fill))).ToList();
        var missing = new List<string>();

        foreach (var persona in new[] { Persona.Anonymous, Persona.Admin })
        {
            foreach (var (endpoint, path) in paths)
                missing.AddRange(await CheckAsync(site.Request(endpoint, path, persona), $"{endpoint.Key} as {persona}"));
        }
        foreach (var path in new[] { "/css/site.css", "/js/counter.js", "/no-such-page", "/api/no-such-thing" })
            missing.AddRange(await CheckAsync(new HttpRequestMessage(HttpMethod.Get, path), path));

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task HSTS_is_sent_over_HTTPS_and_not_over_plain_HTTP()
    {
        using var https = await site.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/"));
        using var http = await site.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://awards.example.org/"));

        Assert.StartsWith("max-age=", Assert.Single(https.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task An_unexpected_failure_on_a_page_shows_the_readable_error_page_without_the_exception()
    {
        using var response = await site.Client.GetAsync($"{SecuritySite.FailingPagePath}?culture=en");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("Something went wrong", body);
        AssertNothingOfTheException(body);
        Assert.Empty(await CheckAsync(new HttpRequestMessage(HttpMethod.Get, SecuritySite.FailingPagePath), "failing page"));
    }

    [Fact]
    public async Task An_unexpected_failure_in_the_API_answers_problem_json_without_the_exception()
    {
        using var response = await site.Client.GetAsync(SecuritySite.FailingApiPath);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNothingOfTheException(body);
        Assert.Empty(await CheckAsync(new HttpRequestMessage(HttpMethod.Get, SecuritySite.FailingApiPath), "failing API"));
    }

    private static void AssertNothingOfTheException(string body)
    {
        foreach (var telltale in new[] { SecuritySite.FailureMessage, "do-not-show", "InvalidOperationException", "   at ", ".cs:line", "StackTrace", "stackTrace", "SecuritySite" })
            Assert.DoesNotContain(telltale, body);
    }

    private async Task<IReadOnlyList<string>> CheckAsync(HttpRequestMessage request, string what)
    {
        // Read before sending: the client makes the address absolute.
        var dashboard = request.RequestUri!.OriginalString.StartsWith("/admin/orleans", StringComparison.Ordinal)
            || request.RequestUri.OriginalString.StartsWith("/admin/hangfire", StringComparison.Ordinal);
        using var response = await site.SendAsync(request);
        var problems = new List<string>();
        var headers = response.Headers;
        if (!headers.TryGetValues("X-Content-Type-Options", out var nosniff) || nosniff.Single() != "nosniff")
            problems.Add("X-Content-Type-Options: nosniff");
        if (!headers.TryGetValues("Referrer-Policy", out var referrer) || string.IsNullOrWhiteSpace(referrer.Single()))
            problems.Add("Referrer-Policy");
        if (!headers.TryGetValues("Strict-Transport-Security", out var hsts) || !hsts.Single().StartsWith("max-age=", StringComparison.Ordinal))
            problems.Add("Strict-Transport-Security");
        if (!headers.TryGetValues("Content-Security-Policy", out var csp))
        {
            problems.Add("Content-Security-Policy");
        }
        else
        {
            var directives = csp.Single().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d);
            if (!directives.TryGetValue("frame-ancestors", out var frames) || frames != "frame-ancestors 'none'")
                problems.Add("CSP frame-ancestors 'none'");
            var scripts = directives.GetValueOrDefault("script-src") ?? directives.GetValueOrDefault("default-src") ?? "";
            if (!dashboard && (scripts.Contains("'unsafe-inline'") || scripts.Contains("'unsafe-eval'") || scripts.Length == 0))
                problems.Add($"CSP script-src without 'unsafe-inline'/'unsafe-eval' (got \"{scripts}\")");
        }
        return problems.Select(p => $"{what} ({(int)response.StatusCode}): missing or wrong {p}").ToList();
    }
}
