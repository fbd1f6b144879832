namespace CitySpiritAwards.Web.Tests.Security;

/// <summary>
/// Every endpoint, asked by someone allowed to use it with an empty form or JSON object and dummy route values (what a
/// careless or hostile client sends), answers with a refusal, never a server error.
/// </summary>
public sealed class EmptyRequestTests(SecuritySite site) : IClassFixture<SecuritySite>
{
    /// <summary>Not the app's own code: the Orleans dashboard's silo endpoints fail on an address that is no silo.</summary>
    private static readonly HashSet<string> ThirdParty =
    [
        "GET /admin/orleans/HistoricalStats/{*path}",
        "GET /admin/orleans/SiloCounters/{*address}",
        "GET /admin/orleans/SiloMetadata/{*address}",
        "GET /admin/orleans/SiloProperties/{*address}",
    ];

    private static readonly Persona[] AskAs = [Persona.Resident, Persona.Moderator, Persona.Member, Persona.Chair, Persona.Admin, Persona.Anonymous];

    [Fact]
    public async Task No_endpoint_answers_an_empty_request_with_a_server_error()
    {
        var endpoints = (await MappedEndpoints.ReadAsync(site.App.Services)).Where(e => !ThirdParty.Contains(e.Endpoint.Key)).ToList();
        var failed = new List<string>();

        foreach (var (endpoint, route) in endpoints)
        {
            var persona = AskAs.First(p => AuthorizationMatrixTests.Decisions[endpoint.Key].HasFlag(p));
            using var response = await site.AskAsync(endpoint, MappedEndpoints.PathFor(route, site.Fill), persona);
            if ((int)response.StatusCode >= 500)
                failed.Add($"{endpoint.Key} as {persona}: {(int)response.StatusCode}");
        }

        Assert.True(failed.Count == 0, $"Server errors on an empty request:\n  {string.Join("\n  ", failed)}");
    }
}
