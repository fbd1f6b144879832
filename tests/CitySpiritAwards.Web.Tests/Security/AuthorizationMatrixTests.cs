using System.Net;
using static CitySpiritAwards.Web.Tests.Security.Persona;

namespace CitySpiritAwards.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps (minimal APIs, dashboards, health checks, each Razor Page handler) asked by a visitor and by an
/// account of each role, against the decisions below, which follow the "Who does what" table of DOMAIN.md. Allowed: any answer
/// but 401/403 or a redirect to the sign-in or access-denied page. Denied: exactly those. The business answer (404, 400, 409…)
/// is not judged here; route values are the demo nomination or the resident persona's own, a campaign in public voting, or dummies.
/// The site runs as deployed: environment Production, over HTTPS.
/// </summary>
public sealed class AuthorizationMatrixTests(SecuritySite site) : IClassFixture<SecuritySite>
{
    private const Persona Chairs = Chair | Admin; // chairs' pages and API also open to administrators (JudgingPolicies.Chair)

    /// <summary>
    /// The decisions, one per way in. A new endpoint (or page handler) must get a row here before the build is green: decide who may
    /// use it, with DOMAIN.md's table as the authority.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Persona> Decisions = new Dictionary<string, Persona>
    {
        // Visitors: browse awards, campaigns, approved nominations, results; their own language and text size; health for probes.
        ["GET /"] = Everyone,
        ["GET /Index"] = Everyone,
        ["GET /categories"] = Everyone,
        ["GET /categories/{id}"] = Everyone,
        ["GET /campaigns/{campaignId}/gallery"] = Everyone,
        ["GET /nominations/{id}"] = Everyone,
        ["GET /{area:regex(^(gallery|results|moderation|committee|chair)$)}"] = Everyone, // a redirect; the page it leads to decides
        ["GET /campaigns/{campaignId}/results"] = Everyone, // before publication: "not published yet" (administrators: a preview)
        ["GET /api/campaigns/{campaignId}/results"] = Everyone, // 404 until published
        ["GET /campaigns/{campaignId}/results/{categoryId}/certificate"] = Everyone, // 404 until published
        ["GET /error/{code:int?}"] = Everyone,
        ["POST /error/{code:int?}"] = Everyone,
        ["GET /api/categories"] = Everyone,
        ["GET /api/categories/{id}"] = Everyone,
        ["GET /api/districts"] = Everyone,
        ["GET /api/campaigns"] = Everyone,
        ["GET /api/campaigns/{id}"] = Everyone,
        ["GET /api/campaigns/{id}/nominations"] = Everyone,
        ["GET /api/nominations/{id}"] = Everyone,
        ["GET /photos/{nominationId}/{photoId}/{size}"] = Everyone, // private photos answer 404 to those who may not see them
        ["HEAD /photos/{nominationId}/{photoId}/{size}"] = Everyone, // as GET, without the body (link previews ask with HEAD)
        ["GET /favicon.ico"] = Everyone, // a permanent redirect to /favicon.svg
        ["HEAD /favicon.ico"] = Everyone,
        ["GET /preferences/culture"] = Everyone,
        ["GET /preferences/text-size"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /health/live"] = Everyone,
        ["POST /health/live"] = Everyone,
        ["GET /health/ready"] = Everyone,
        ["POST /health/ready"] = Everyone,

        // Accounts: anyone may register, confirm, sign in and out; managing one's account needs one.
        ["GET /account/login"] = Everyone,
        ["POST /account/login"] = Everyone,
        ["GET /account/register"] = Everyone,
        ["POST /account/register"] = Everyone,
        ["GET /account/resend-confirmation"] = Everyone,
        ["POST /account/resend-confirmation"] = Everyone,
        ["GET /account/forgot-password"] = Everyone,
        ["POST /account/forgot-password"] = Everyone, // the same answer for every address
        ["GET /account/reset-password"] = Everyone,
        ["POST /account/reset-password"] = Everyone, // needs the emailed token
        ["GET /account/manage/password"] = SignedIn,
        ["POST /account/manage/password"] = SignedIn, // needs the current password
        ["GET /account/manage/data"] = SignedIn,
        ["POST /account/manage/data"] = SignedIn, // one's own data only, after the password again
        ["GET /account/manage/email"] = SignedIn,
        ["POST /account/manage/email"] = SignedIn, // after the password again; takes effect from the emailed link
        ["GET /account/confirm-email-change"] = Everyone, // needs the emailed token
        ["GET /account/confirm-email"] = Everyone,
        ["GET /account/access-denied"] = Everyone,
        ["GET /account/logout"] = Everyone,
        ["POST /account/logout"] = Everyone,
        ["GET /account/manage"] = SignedIn,
        ["POST /account/manage?handler=SignOutEverywhere"] = SignedIn, // ends every session of one's own account
        ["POST /account/manage?handler=Notices"] = SignedIn, // which emails one's own account gets

        // Nominee: no account, the emailed link's token decides.
        ["GET /consent/{token}"] = Everyone,
        ["POST /consent/{token}"] = Everyone,
        ["POST /api/consent/{token}"] = Everyone,

        // Resident (email confirmed): nominate, see, edit and withdraw own nominations.
        ["GET /campaigns/{campaignId}/nominate"] = Resident,
        ["POST /campaigns/{campaignId}/nominate"] = Resident,
        ["GET /campaigns/{campaignId}/my-nominations"] = Resident,
        ["GET /my-nominations"] = Resident, // one's own, in every campaign
        ["POST /campaigns/{campaignId}/my-nominations?handler=Withdraw"] = Resident,
        ["POST /campaigns/{campaignId}/my-nominations?handler=SendConsent"] = Resident, // a consent email a daily limit held back
        ["GET /nominations/{id}/edit"] = Resident,
        ["POST /nominations/{id}/edit"] = Resident,
        ["POST /api/campaigns/{campaignId}/nominations"] = Resident,
        ["GET /api/campaigns/{campaignId}/nominations/mine"] = Resident,
        ["PUT /api/nominations/{id}"] = Resident,
        ["POST /api/nominations/{id}/withdraw"] = Resident,
        ["POST /api/nominations/{id}/consent-email"] = Resident, // only one's own nomination's held-back email

        // Public voting: everyone sees the shortlists, receipts and (when shown) tallies; residents vote.
        ["GET /campaigns/{campaignId}/vote"] = Everyone,
        ["POST /campaigns/{campaignId}/vote?handler=Vote"] = Resident,
        ["POST /campaigns/{campaignId}/vote?handler=Change"] = Resident,
        ["POST /campaigns/{campaignId}/vote?handler=Withdraw"] = Resident,
        ["GET /my-votes"] = Resident, // one's own votes only, read by the signed-in voter's id
        ["GET /receipts"] = Everyone,
        ["GET /api/votes/receipts/{receipt}"] = Everyone,
        ["GET /api/campaigns/{campaignId}/tallies"] = Everyone,
        ["POST /api/campaigns/{campaignId}/votes"] = Resident,
        ["GET /api/campaigns/{campaignId}/votes/mine"] = Resident,
        ["POST /api/campaigns/{campaignId}/votes/{receipt}/change"] = Resident,
        ["POST /api/campaigns/{campaignId}/votes/{receipt}/withdraw"] = Resident,

        // Moderator: screen nominations.
        ["GET /campaigns"] = Everyone,
        ["GET /help"] = Everyone,
        ["GET /privacy"] = Everyone,
        ["GET /moderation/{campaignId}"] = Moderator,
        ["POST /moderation/{campaignId}"] = Moderator,
        ["POST /moderation/{campaignId}?handler=Merge"] = Moderator,
        ["POST /moderation/{campaignId}?handler=Bulk"] = Moderator,
        ["POST /api/nominations/{id}/moderation"] = Moderator,
        ["POST /api/nominations/{id}/merge"] = Moderator,

        // Committee member: score assigned entries, declare conflicts.
        ["GET /committee/{campaignId}"] = Member,
        ["GET /committee/{campaignId}/entries/{entryId}"] = Member,
        ["POST /committee/{campaignId}/entries/{entryId}?handler=Save"] = Member,
        ["POST /committee/{campaignId}/entries/{entryId}?handler=Recuse"] = Member,
        ["GET /api/committee/{campaignId}/queue"] = Member,
        ["GET /api/committee/{campaignId}/entries/{entryId}"] = Member,
        ["PUT /api/committee/{campaignId}/entries/{entryId}/score"] = Member,
        ["POST /api/committee/{campaignId}/entries/{entryId}/recusal"] = Member,

        // Committee chair: panels, progress, reminders, shortlists.
        ["GET /committee/{campaignId}/chair"] = Chairs,
        ["POST /committee/{campaignId}/chair?handler=Reassign"] = Chairs,
        ["POST /committee/{campaignId}/chair?handler=Finalise"] = Chairs,
        ["POST /committee/{campaignId}/chair?handler=Remind"] = Chairs,
        ["GET /committee/{campaignId}/panels"] = Chairs,
        ["POST /committee/{campaignId}/panels?handler=Add"] = Chairs,
        ["POST /committee/{campaignId}/panels?handler=Remove"] = Chairs,
        ["GET /api/committee/{campaignId}/chair"] = Chairs,
        ["POST /api/committee/{campaignId}/chair/panels/{categoryId}/members"] = Chairs,
        ["DELETE /api/committee/{campaignId}/chair/panels/{categoryId}/members/{memberId}"] = Chairs,
        ["POST /api/committee/{campaignId}/chair/entries/{entryId}/reassign"] = Chairs,
        ["POST /api/committee/{campaignId}/chair/members/{memberId}/remind"] = Chairs,
        ["POST /api/committee/{campaignId}/chair/categories/{categoryId}/finalise"] = Chairs,

        // Administrator: campaigns, schedules, rubrics, roles, operations dashboards.
        ["GET /committee/{campaignId}/rubrics/{categoryId}"] = Admin,
        ["POST /committee/{campaignId}/rubrics/{categoryId}"] = Admin,
        ["GET /api/admin/campaigns/{campaignId}/rubrics/{categoryId}"] = Admin,
        ["PUT /api/admin/campaigns/{campaignId}/rubrics/{categoryId}"] = Admin,
        ["POST /api/admin/campaigns"] = Admin,
        ["POST /api/admin/campaigns/{id}/phase"] = Admin,
        ["GET /api/admin/campaigns/{id}/audit"] = Admin,
        ["GET /api/admin/cluster"] = Admin,
        ["GET /api/admin/accounts/{email}/roles"] = Admin,
        ["PUT /api/admin/accounts/{email}/roles/{role}"] = Admin,
        ["DELETE /api/admin/accounts/{email}/roles/{role}"] = Admin,
        ["GET /admin/campaigns"] = Admin,
        ["GET /admin/campaigns/new"] = Admin,
        ["POST /admin/campaigns/new"] = Admin, // an empty form here: refused field by field, nothing created
        ["GET /admin/campaigns/{campaignId}"] = Admin,
        ["POST /admin/campaigns/{campaignId}"] = Admin, // unticked confirmation here, so the campaign stays where it is
        ["GET /admin/accounts"] = Admin, // staff roles: who holds what, and an account found by email
        ["POST /admin/accounts"] = Admin, // an empty form here: nothing asked, nothing changed
        ["GET /admin/campaigns/{campaignId}/results"] = Admin,
        ["POST /admin/campaigns/{campaignId}/results?handler=Publish"] = Admin,
        ["POST /admin/campaigns/{campaignId}/results?handler=Recompute"] = Admin,
        ["GET /api/admin/campaigns/{campaignId}/results"] = Admin,
        ["POST /api/admin/campaigns/{campaignId}/results/publish"] = Admin,
        ["POST /api/admin/campaigns/{campaignId}/results/recompute"] = Admin,
        ["GET /api/admin/campaigns/{campaignId}/results.csv"] = Admin,
        ["GET /api/admin/campaigns/{campaignId}/votes.csv"] = Admin, // counts per entry and day only: no voter, no receipt
        ["GET /admin/campaigns/{campaignId}/held-votes"] = Admin, // never whom a vote was for
        ["POST /admin/campaigns/{campaignId}/held-votes"] = Admin,
        ["GET /api/admin/campaigns/{campaignId}/held-votes"] = Admin,
        ["POST /api/admin/campaigns/{campaignId}/held-votes/decide"] = Admin, // a group of at least Fraud:MinimumGroup, never one vote
        ["POST /api/admin/campaigns/{campaignId}/held-votes/scan"] = Admin,
        ["GET /admin/hangfire/{**path}"] = Admin,
        ["POST /admin/hangfire/{**path}"] = Admin,
        ["GET /admin/orleans"] = Admin,
        ["GET /admin/orleans/ClusterStats"] = Admin,
        ["GET /admin/orleans/DashboardCounters"] = Admin,
        ["GET /admin/orleans/GrainState"] = Admin,
        ["GET /admin/orleans/GrainStats/{*grainName}"] = Admin,
        ["GET /admin/orleans/GrainTypes"] = Admin,
        ["GET /admin/orleans/HistoricalStats/{*path}"] = Admin,
        ["GET /admin/orleans/LifecycleStages"] = Admin,
        ["GET /admin/orleans/Reminders"] = Admin,
        ["GET /admin/orleans/Reminders/{page:int}"] = Admin,
        ["GET /admin/orleans/SiloCounters/{*address}"] = Admin,
        ["GET /admin/orleans/SiloMetadata/{*address}"] = Admin,
        ["GET /admin/orleans/SiloProperties/{*address}"] = Admin,
        ["GET /admin/orleans/SiloStats/{*address}"] = Admin,
        ["GET /admin/orleans/TopGrainMethods"] = Admin,
        ["GET /admin/orleans/Trace"] = Admin,
        ["GET /admin/orleans/favicon.ico"] = Admin,
        ["GET /admin/orleans/fonts/{**path}"] = Admin,
        ["GET /admin/orleans/img/{**path}"] = Admin,
        ["GET /admin/orleans/index.css"] = Admin,
        ["GET /admin/orleans/index.html"] = Admin,
        ["GET /admin/orleans/index.min.js"] = Admin,
        ["GET /admin/orleans/version"] = Admin,
    };

    [Fact]
    public async Task Every_mapped_endpoint_has_a_decision_and_every_decision_an_endpoint()
    {
        var mapped = (await MappedEndpoints.ReadAsync(site.App.Services)).Select(m => m.Endpoint.Key).ToHashSet();

        var undecided = mapped.Where(key => !Decisions.ContainsKey(key)).ToList();
        var stale = Decisions.Keys.Where(key => !mapped.Contains(key)).ToList();

        Assert.True(undecided.Count == 0,
            $"These endpoints have no decision in {nameof(AuthorizationMatrixTests)}.{nameof(Decisions)}; add a row saying who may use them:\n  {string.Join("\n  ", undecided)}");
        Assert.True(stale.Count == 0, $"These decisions name no mapped endpoint (renamed or removed?):\n  {string.Join("\n  ", stale)}");
    }

    [Fact]
    public async Task Each_role_gets_exactly_what_the_table_allows()
    {
        var endpoints = (await MappedEndpoints.ReadAsync(site.App.Services)).Where(e => Decisions.ContainsKey(e.Endpoint.Key)).ToList();
        var wrong = new List<string>();

        foreach (var persona in SecuritySite.All)
        {
            foreach (var (endpoint, route) in endpoints)
            {
                var path = MappedEndpoints.PathFor(route, site.Fill);
                using var response = await site.AskAsync(endpoint, path, persona);
                var allowed = !IsDenied(endpoint, response);
                var expected = Decisions[endpoint.Key].HasFlag(persona);
                if (allowed != expected)
                    wrong.Add($"{endpoint.Key} as {persona}: {(expected ? "should be allowed" : "should be denied")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} authorization decisions differ from the table:\n  {string.Join("\n  ", wrong)}");
    }

    public static bool IsDenied(MappedEndpoint endpoint, HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized || (response.StatusCode is HttpStatusCode.Forbidden && endpoint.Pattern != "/account/access-denied"))
            return true; // the access-denied page itself answers 403 with its explanation
        var location = response.Headers.Location;
        if (location is null || (int)response.StatusCode is < 300 or >= 400)
            return false;
        var target = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        return target.Equals("/account/login", StringComparison.OrdinalIgnoreCase) || target.Equals("/account/access-denied", StringComparison.OrdinalIgnoreCase);
    }
}
