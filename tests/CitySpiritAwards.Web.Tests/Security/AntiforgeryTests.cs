using System.Net;

namespace CitySpiritAwards.Web.Tests.Security;

/// <summary>
/// Every form POST of a Razor Page (found from the app's endpoints, each handler) refuses a request without a valid antiforgery
/// token, sent by someone allowed to use the form: without a token, and with another account's token.
/// </summary>
public sealed class AntiforgeryTests(SecuritySite site) : IClassFixture<SecuritySite>
{
    /// <summary>Form handlers that take no token, and why. Nothing else may.</summary>
    private static readonly IReadOnlyDictionary<string, string> Exempt = new Dictionary<string, string>
    {
        // The error page answers a POST that failed elsewhere (re-executed with its method); it changes nothing.
        ["POST /error/{code:int?}"] = "renders the error page only",
    };

    /// <summary>Whom each form is posted as: the first persona the authorization table lets in, signed-in accounts first.</summary>
    private static readonly Persona[] PostAs = [Persona.Resident, Persona.Moderator, Persona.Member, Persona.Chair, Persona.Admin, Persona.Anonymous];

    [Fact]
    public async Task Every_page_form_refuses_a_post_without_a_valid_antiforgery_token()
    {
        var forms = (await MappedEndpoints.ReadAsync(site.App.Services)).Where(e => e.Endpoint.IsPage && e.Endpoint.Method != "GET").ToList();
        Assert.NotEmpty(forms);
        var accepted = new List<string>();

        foreach (var (endpoint, route) in forms)
        {
            var path = MappedEndpoints.PathFor(route, site.Fill);
            var persona = PostAs.First(p => AuthorizationMatrixTests.Decisions[endpoint.Key].HasFlag(p));
            var someoneElse = persona == Persona.Admin ? Persona.Resident : Persona.Admin;
            foreach (var (token, how) in new[] { ("", "without a token"), (site.Credentials[someoneElse].FormToken, $"with {someoneElse}'s token") })
            {
                using var response = await site.AskAsync(endpoint, path, persona, token);
                var refused = response.StatusCode == HttpStatusCode.BadRequest;
                if (refused == Exempt.ContainsKey(endpoint.Key))
                    accepted.Add($"{endpoint.Key} as {persona} {how}: {(int)response.StatusCode}{(refused ? " (exempt, yet refused: drop it from the list)" : "")}");
            }
        }

        Assert.True(accepted.Count == 0, $"Forms that took a post without a valid antiforgery token:\n  {string.Join("\n  ", accepted)}");
    }

    [Fact]
    public async Task The_same_post_with_its_own_token_gets_past_the_check()
    {
        // The control: the refusals above are the token's doing, not the form's.
        var endpoint = new MappedEndpoint("POST", "/campaigns/{campaignId}/vote", "Vote", IsPage: true);

        using var response = await site.SendAsync(site.Request(endpoint, $"/campaigns/{site.Voting.Id}/vote", Persona.Resident));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // back to the page with what happened (post/redirect/get)
        Assert.Equal($"/campaigns/{site.Voting.Id}/vote", response.Headers.Location?.OriginalString);
    }
}
