using System.Net;
using System.Text.RegularExpressions;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Security;

/// <summary>Who is asking: a visitor, or an account holding exactly one role (so each row of DOMAIN.md's table is tested on its own).</summary>
[Flags]
public enum Persona
{
    None = 0,
    Anonymous = 1,
    Resident = 2,
    Moderator = 4,
    Member = 8,
    Chair = 16,
    Admin = 32,
    SignedIn = Resident | Moderator | Member | Chair | Admin,
    Everyone = Anonymous | SignedIn,
}

/// <summary>
/// The embedded site as deployed (environment Production, asked over HTTPS at a public host name) with one signed-in account per
/// role, each with its cookies (sign-in and antiforgery) and a valid antiforgery form token, and a campaign in PublicVoting with
/// live tallies and shortlists, so voting routes can be asked too. Requests go through a client that keeps no cookies; a request
/// that signs out ends the session on the server, so <see cref="AskAsync"/> signs the persona in again after it. Two test-only addresses fail with an exception
/// (<see cref="FailingPagePath"/>, <see cref="FailingApiPath"/>) to show what a visitor sees of an unexpected failure.
/// </summary>
public sealed partial class SecuritySite : IAsyncLifetime
{
    public const string Password = "Security-pass-1";

    public const string FailingPagePath = "/test-only/failure";
    public const string FailingApiPath = "/api/test-only/failure";

    /// <summary>The message of the test-only failure, which must never reach a response.</summary>
    public const string FailureMessage = "Test-only failure: connection string Password=do-not-show";

    public static readonly Uri PublicAddress = new("https://awards.example.org");

    public AwardsAppFactory App { get; } = new(new Dictionary<string, string?>
    {
        ["Account:SignupPermitLimit"] = "100000",
        ["Voting:PermitsPerVoter"] = "100000",
        ["Voting:PermitsPerNetwork"] = "100000",
    })
    {
        Environment = "Production",
        ReplaceServices = services => services.AddTransient<IStartupFilter, FailingRoutes>(),
    };

    public VotingCampaign Voting { get; private set; } = null!;

    /// <summary>The Cookie header and the antiforgery form token of each persona.</summary>
    public IReadOnlyDictionary<Persona, (string Cookies, string FormToken)> Credentials => _credentials;

    private readonly Dictionary<Persona, (string Cookies, string FormToken)> _credentials = [];

    private readonly Dictionary<Persona, string> _emails = [];

    /// <summary>Ways in that end the persona's session on the server (its cookie is refused afterwards), so it signs in again after them.</summary>
    public static readonly IReadOnlySet<string> EndSession = new HashSet<string>
    {
        "POST /account/logout",
        "POST /account/manage?handler=SignOutEverywhere",
    };

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A nomination of the resident persona's (approved, in the voting campaign), so "own nomination" routes are asked as its owner.</summary>
    public string ResidentsNomination { get; private set; } = "";

    public static IEnumerable<Persona> All => [Persona.Anonymous, Persona.Resident, Persona.Moderator, Persona.Member, Persona.Chair, Persona.Admin];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = PublicAddress });
        Voting = await VotingCampaign.CreateAsync(App, CampaignSettings.Default with { LiveTallies = true }, entriesPerCategory: 2);
        foreach (var persona in All)
        {
            await CreateAccountAsync(persona);
            _credentials[persona] = await SignInAsync(persona);
        }
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    /// <summary>
    /// A value for a route parameter, by its name and the literal segment before it ("campaigns" for {id} in /api/campaigns/{id}):
    /// the voting campaign, the resident persona's own nomination, the demo nomination, a category, or a dummy.
    /// </summary>
    public string Fill(string parameter, string literalBefore) => parameter switch
    {
        "campaignId" => Voting.Id,
        "id" when literalBefore == "campaigns" => Voting.Id,
        "id" when literalBefore == "categories" => "wisdom",
        "id" when literalBefore == "nominations" => ResidentsNomination, // the resident persona's own: edit, withdraw
        "nominationId" => DemoNomination,
        "categoryId" => "wisdom",
        "entryId" => Voting.In("wisdom")[0],
        "size" => "thumb",
        "code" => "404",
        "area" => "gallery",
        "documentName" => "v1",
        "page" => "1",
        _ => "unknown", // receipt, token, memberId, photoId, catch-alls
    };

    public const string DemoNomination = "demo-bus-driver";

    /// <summary>A request as <paramref name="persona"/>: its cookies, and for a POST to a page a valid antiforgery token unless told otherwise.</summary>
    public HttpRequestMessage Request(MappedEndpoint endpoint, string path, Persona persona, string? formToken = null)
    {
        var credentials = Credentials[persona];
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Handler is null ? path : $"{path}?handler={endpoint.Handler}");
        request.Headers.Add("Cookie", credentials.Cookies);
        if (endpoint.Method is not ("GET" or "HEAD")) // no body on a read
        {
            // APIs get an empty JSON object; pages a form with only the antiforgery token (an empty one leaves it out).
            formToken ??= credentials.FormToken;
            request.Content = endpoint.IsPage
                ? new FormUrlEncodedContent(formToken.Length == 0 ? [] : new Dictionary<string, string> { ["__RequestVerificationToken"] = formToken })
                : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return request;
    }

    /// <summary>Sends and returns once the headers are in (some answers never end: the Orleans dashboard's live trace).</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    /// <summary>
    /// <see cref="Request"/> sent as <paramref name="persona"/>; after a way in that may have ended its session (signing out),
    /// the persona signs in again, so the next rows are asked with a live session.
    /// </summary>
    public async Task<HttpResponseMessage> AskAsync(MappedEndpoint endpoint, string path, Persona persona, string? formToken = null)
    {
        var response = await SendAsync(Request(endpoint, path, persona, formToken));
        if (EndSession.Contains(endpoint.Key) && persona != Persona.Anonymous)
            _credentials[persona] = await SignInAsync(persona);
        return response;
    }

    private sealed class FailingRoutes : IStartupFilter
    {
        // After the app's own pipeline (past its exception handlers and endpoints), reached only by paths no endpoint takes.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate following) =>
                context.Request.Path == FailingPagePath || context.Request.Path == FailingApiPath
                    ? throw new InvalidOperationException(FailureMessage)
                    : following(context));
        };
    }

    private static string? RoleOf(Persona persona) => persona switch
    {
        Persona.Resident => Roles.Resident,
        Persona.Moderator => Roles.Moderator,
        Persona.Member => Roles.CommitteeMember,
        Persona.Chair => Roles.CommitteeChair,
        Persona.Admin => Roles.Administrator,
        _ => null,
    };

    private async Task CreateAccountAsync(Persona persona)
    {
        if (RoleOf(persona) is not { } role)
            return;
        var email = AccountBrowser.NewEmail(persona.ToString().ToLowerInvariant());
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
        var user = new AwardsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = persona.ToString(), CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (persona == Persona.Resident)
            ResidentsNomination = await NominateAsync(user.Id);
        _emails[persona] = email;
    }

    private async Task<(string Cookies, string FormToken)> SignInAsync(Persona persona)
    {
        var cookies = new Dictionary<string, string>();
        if (_emails.TryGetValue(persona, out var email))
        {
            var signedIn = await new AccountBrowser(App).SignInAsync(email, Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Keep(cookies, signedIn);
        }
        // Any page with a form gives the antiforgery cookie and a form token bound to this account.
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/resend-confirmation");
        if (cookies.Count > 0)
            request.Headers.Add("Cookie", Header(cookies));
        var page = await Client.SendAsync(request);
        Keep(cookies, page);
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, "The resend-confirmation page rendered no antiforgery token.");
        return (Header(cookies), WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    private async Task<string> NominateAsync(string nominatorId)
    {
        var id = $"own-{Guid.NewGuid():N}";
        var draft = new NominationDraft("wisdom", "xuhui", "测试邻居", Relationships.Neighbour,
            "测试邻居每周在社区中心为老人讲解如何使用手机办理各种事务，耐心细致，从不收取任何费用，已经坚持了整整五年时间。",
            "A test neighbour who has explained phone services to older residents at the community centre every week for five years, free of charge.",
            "neighbour@example.org", 0);
        await App.Services.GetRequiredService<IGrainFactory>().GetGrain<INominationGrain>(id)
            .ImportApprovedAsync(new NominationSubmission(Voting.Id, nominatorId, draft, []), "test");
        return id;
    }

    private static void Keep(Dictionary<string, string> cookies, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var set))
            return;
        foreach (var cookie in set)
        {
            var pair = cookie.Split(';')[0];
            var equals = pair.IndexOf('=');
            cookies[pair[..equals]] = pair[(equals + 1)..];
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
