using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Testing;
using Npgsql;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>What one campaign size gave: its figures in the order measured, how it was seeded, and why it stopped early if it did.</summary>
public sealed record SizeResult(
    int Size, long Votes, IReadOnlyList<Figure> Figures, IReadOnlyList<string> Seeding, string? Failure, TimeSpan Elapsed, string LoadAverages);

/// <summary>
/// One campaign size from start to end, on a database of its own: the site in cluster mode as its own process, the
/// campaign seeded (<see cref="CampaignSeeding"/>), the site restarted, then every measurement through the real endpoints
/// while the campaign goes phase by phase from Screening to Tallying, and last a restart. The database is dropped at the end.
/// </summary>
public sealed class SizeRun(ScaleOptions options, PostgresServer postgres, AzuriteServer azurite, int size, Action<string> log)
{
    /// <summary>Concurrency of the residents' votes before the fraud scan (as the vote benchmark).</summary>
    private const int VoteConcurrency = 32;

    private readonly List<Figure> _figures = [];
    private readonly Probe _probe = new(options, log);
    private readonly Dictionary<string, string?> _settings = [];
    private SeededCampaign _campaign = null!;
    private bool _siteRunning;

    private string Database => $"scale_{size}";

    public async Task<SizeResult> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        var connectionString = await postgres.CreateDatabaseAsync(Database);
        foreach (var (key, value) in SiteSettings(connectionString))
            _settings[key] = value;
        var seeding = new CampaignSeeding(options, postgres, connectionString, _settings, size, log);
        string? failure = null;
        try
        {
            await StartSiteAsync();
            _campaign = await seeding.SeedAsync(_probe.Site);
            // The seeding activated grains on the site too; they are not what a site at this size holds at rest.
            await KillSiteAsync();
            await StartSiteAsync();
            log($"site restarted after seeding: {_probe.Site.WorkingSetMiB():N0} MiB");

            await ScreeningAsync();
            await RestingAsync("site RSS at rest (after Screening's measurements)");
            await JudgingAsync();
            await VotingAsync(connectionString);
            await TallyingAsync();
            await RestingAsync("site RSS at rest (after all the measurements)");
            await RestartAsync();
        }
        catch (Exception e)
        {
            failure = $"{e.GetType().Name}: {e.Message}";
            log($"size {size:N0} stopped early: {e}");
            if (_siteRunning)
                log($"the site's last lines:{Environment.NewLine}{_probe.Site.LastLines()}");
        }
        finally
        {
            if (_siteRunning)
                await _probe.Site.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await Sql.ExecuteAsync(postgres.AdminConnectionString, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        }
        if (_figures.Count > 0)
            _figures.Add(Figure.Memory("site RSS peak (any measurement)", FigureKind.Info, _figures.Max(f => f.PeakMiB)));
        return new SizeResult(size, options.VotesAt(size), _figures, seeding.Lines, failure, clock.Elapsed, $"{loadBefore} at the start, {LoadAverage()} at the end");
    }

    /// <summary>The machine's 1-minute load average: the cores are shared, and anything else running shows in the figures.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private Dictionary<string, string?> SiteSettings(string connectionString) => new()
    {
        ["CitySpiritAwards:Mode"] = "Cluster",
        ["CitySpiritAwards:SeedDemo"] = "false",
        ["ConnectionStrings:Postgres"] = connectionString,
        ["ConnectionStrings:Blobs"] = azurite.ConnectionString,
        ["Bootstrap:AdminEmail"] = CampaignSeeding.AdminEmail,
        ["Bootstrap:AdminPassword"] = CampaignSeeding.AdminPassword,
        ["Account:SignupPermitLimit"] = "100000000",
        ["Voting:PermitsPerVoter"] = "100000000",
        ["Voting:PermitsPerNetwork"] = "100000000",
        ["Voting:BenchEndpoints"] = "true",
        // Never on its own: the one scan measured is the one that reads all the new votes.
        ["Fraud:Cron"] = "0 0 31 2 *",
        // The same silo ports after every restart, as a deployed instance has: the restarted silo replaces its old entry at once.
        ["Orleans:SiloPort"] = LoopbackPort.Free().ToString(),
        ["Orleans:GatewayPort"] = LoopbackPort.Free().ToString(),
    };

    private async Task StartSiteAsync()
    {
        _probe.Site = await SiteProcess.StartAsync(_settings);
        _siteRunning = true;
    }

    private async Task KillSiteAsync()
    {
        _siteRunning = false;
        await _probe.Site.KillAsync();
        await _probe.Site.DisposeAsync();
    }

    private Api Admin() => new(_probe.Site, _campaign.AdminCookie);

    /// <summary>Screening: the moderators' queue, one approval, one consent; the public gallery and a nominee's page.</summary>
    private async Task ScreeningAsync()
    {
        await AdvanceAsync("Screening");
        var (c, nominations, tokens) = (_campaign.Id, _campaign.Nominations, _campaign.ConsentTokens);
        var moderator = _campaign.Staff.ModeratorCookie;
        var searches = nominations.Approved.Select(n => n.ChineseGivenName).OfType<string>().Where(g => g.Length == 2).Distinct().ToList();
        string Search(int i) => Uri.EscapeDataString(searches[i * 7 % searches.Count]);
        string Category(int i) => CategoryIds.All[i % CategoryIds.All.Count];
        string District(int i) => _campaign.Districts[i / CategoryIds.All.Count % _campaign.Districts.Count];
        var approved = nominations.Approved;
        var half = nominations.Pending.Count / 2;

        await MeasureAsync("moderators' queue, first page (all statuses)", FigureKind.Page, _ => Get($"/moderation/{c}?status=all", moderator));
        await MeasureAsync("moderators' queue, one award and district", FigureKind.Page, i => Get($"/moderation/{c}?status=all&category={Category(i)}&district={District(i)}", moderator));
        await MeasureAsync("moderators' queue, search by part of a Chinese name", FigureKind.Page, i => Get($"/moderation/{c}?status=all&q={Search(i)}", moderator));
        await MeasureAsync("one approval (API)", FigureKind.Write,
            i => Post($"/api/nominations/{nominations.Pending[i].Id}/moderation", """{"action":"Approve"}""", moderator), available: half);
        await MeasureAsync("one consent (API, emailed token)", FigureKind.Write,
            i => Post($"/api/consent/{Uri.EscapeDataString(tokens[half + i])}", """{"action":"Give"}""", cookie: null), available: nominations.Pending.Count - half);
        await MeasureAsync("gallery page (pages 1-10)", FigureKind.Page, i => Get($"/campaigns/{c}/gallery?page={1 + i % 10}", cookie: null));
        await MeasureAsync("gallery search by part of a Chinese name", FigureKind.Page, i => Get($"/campaigns/{c}/gallery?q={Search(i)}", cookie: null));
        await MeasureAsync("a nominee's page", FigureKind.Page, i => Get($"/nominations/{approved[(int)(i * 2654435761L % approved.Count)].Id}", cookie: null));
    }

    /// <summary>Committee scoring: panels seated by the chair, entering the phase (judge assignment), the chair's and a member's pages.</summary>
    private async Task JudgingAsync()
    {
        var (c, staff) = (_campaign.Id, _campaign.Staff);
        using (var chair = new Api(_probe.Site, staff.ChairCookie))
        {
            foreach (var member in staff.Members)
                await chair.PostAsync($"/api/committee/{c}/chair/panels/{member.CategoryId}/members", new { email = member.Email });
        }
        var entering = await _probe.OnceAsync("entering CommitteeScoring (admin API; judge assignment enqueued)", FigureKind.Page,
            _ => Post($"/api/admin/campaigns/{c}/phase", """{"phase":"CommitteeScoring"}""", _campaign.AdminCookie));
        _figures.Add(entering);
        _figures.Add(await AssignmentDoneAsync(TimeSpan.FromMilliseconds(entering.P50Ms), staff.ChairCookie));
        await MeasureAsync("chair's overview page", FigureKind.Page, _ => Get($"/committee/{c}/chair", staff.ChairCookie));
        await MeasureAsync("a member's queue page", FigureKind.Page, i => Get($"/committee/{c}", staff.Members[i % staff.Members.Count].Cookie));
    }

    /// <summary>
    /// How long the background judge assignment took, from the advance until the chair's API shows every award assigned
    /// (polled every second; reported, not judged: no request waits for it).
    /// </summary>
    private async Task<Figure> AssignmentDoneAsync(TimeSpan advance, string chairCookie)
    {
        var sinceAdvance = Stopwatch.StartNew();
        const string name = "judge assignment, all awards (background job, until the chair's API shows it)";
        using var chair = new Api(_probe.Site, chairCookie);
        var peak = 0.0;
        while (sinceAdvance.Elapsed < options.LongCap)
        {
            peak = Math.Max(peak, _probe.Site.WorkingSetMiB());
            var overview = await chair.GetAsync($"/api/committee/{_campaign.Id}/chair");
            if (overview.GetProperty("categories").EnumerateArray().All(category => category.GetProperty("assignedAt").ValueKind != JsonValueKind.Null))
            {
                var ms = (advance + sinceAdvance.Elapsed).TotalMilliseconds;
                return new Figure(name, FigureKind.Info, 1, 1, 1, ms, ms, peak, 0);
            }
            await Task.Delay(1000);
        }
        return new Figure(name, FigureKind.Info, 1, 1, 0, 0, 0, peak, 0, $"not done after {options.LongCap.TotalSeconds:N0} s");
    }

    /// <summary>Public voting: the residents' votes through the real endpoint, then one fraud scan of them.</summary>
    private async Task VotingAsync(string connectionString)
    {
        var (c, shortlists, voters) = (_campaign.Id, _campaign.Shortlists, _campaign.Voters);
        using (var admin = Admin())
        {
            // Standing in for the committee's shortlists (as the vote benchmark does), so votes go to the seeded entries.
            foreach (var (category, ids) in shortlists)
                await admin.PostAsync($"/api/bench/campaigns/{c}/shortlists/{category}", new { entryIds = ids });
        }
        await AdvanceAsync("PublicVoting");
        // As if they had registered days ago: minutes-old accounts are what the fresh-account signal is for, and would
        // make the scan measure holding 48,000 votes rather than scanning them.
        await Sql.ExecuteAsync(connectionString, """UPDATE "AspNetUsers" SET "CreatedAt" = "CreatedAt" - interval '30 days' WHERE "Email" LIKE 'scale-voter-%'""");

        var entries = shortlists.Values.SelectMany(ids => ids).ToList();
        var networks = VoteSeeder.NetworksFor(options.VotesAt(size));
        var spacing = Math.Max(1, networks / voters.Count);
        HttpRequestMessage Vote(int i)
        {
            var voter = i % voters.Count;
            var message = Post($"/api/campaigns/{c}/votes", $"{{\"entryId\":\"{entries[(i / voters.Count + voter) % entries.Count]}\"}}", voters[voter]);
            // Each resident on a network of its own among the seeded ones; the site believes loopback proxies.
            message.Headers.Add("X-Forwarded-For", VoteSeeder.Address(voter * spacing % networks, 1 + voter % 250));
            return message;
        }
        await _probe.SettleAsync(options.LongCap);
        using (var load = _probe.Client(options.LongCap, VoteConcurrency))
        {
            var votes = await LoadRun.RunAsync("votes cast (real endpoint)", _probe.Site, load, voters.Count * entries.Count, VoteConcurrency, options.LongCap, Vote);
            log(votes.Line());
            _figures.Add(new Figure("residents' votes before the scan (concurrency 32)", FigureKind.Info, voters.Count * entries.Count, votes.Requests,
                votes.Succeeded, votes.P50Ms, votes.P99Ms, votes.PeakServerMiB, 0, $"{votes.PerSecond:N0} votes/s"));
        }

        await _probe.SettleAsync(options.LongCap);
        var resting = _probe.Site.WorkingSetMiB();
        var found = "";
        var scan = await _probe.OnceAsync("one fraud scan after the new votes (admin API)", FigureKind.FraudScan,
            _ => Post($"/api/admin/campaigns/{c}/held-votes/scan", "{}", _campaign.AdminCookie), answered: (_, body) => found = body, restingMiB: resting);
        _figures.Add(scan with { Note = Join(ScanNote(found, resting), scan.Note) });
    }

    private static string? ScanNote(string body, double resting)
    {
        try
        {
            var scan = JsonDocument.Parse(body).RootElement;
            return $"read {scan.GetProperty("votes").GetInt32():N0} votes, flagged {scan.GetProperty("flagged").GetInt32():N0}, newly held {scan.GetProperty("newlyHeld").GetInt32():N0}; resting RSS {resting:N0} MiB";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Tallying: results computed on entering it, then the administrators' two CSV exports.</summary>
    private async Task TallyingAsync()
    {
        var (c, admin) = (_campaign.Id, _campaign.AdminCookie);
        _figures.Add(await _probe.OnceAsync("entering Tallying (results computed, admin API)", FigureKind.Info,
            _ => Post($"/api/admin/campaigns/{c}/phase", """{"phase":"Tallying"}""", admin)));
        _figures.Add(await _probe.OnceAsync("results.csv", FigureKind.Export, _ => Get($"/api/admin/campaigns/{c}/results.csv", admin), options.ExportRequests));
        _figures.Add(await _probe.OnceAsync("votes.csv", FigureKind.Export, _ => Get($"/api/admin/campaigns/{c}/votes.csv", admin), options.ExportRequests));
    }

    private async Task RestingAsync(string name)
    {
        await _probe.SettleAsync(options.LongCap);
        _figures.Add(Figure.Memory(name, FigureKind.RestingRss, _probe.Site.WorkingSetMiB()));
    }

    /// <summary>SIGKILL, then the same site on the same database (and silo ports) until /health/ready answers 200.</summary>
    private async Task RestartAsync()
    {
        await _probe.SettleAsync(options.LongCap);
        await KillSiteAsync();
        var clock = Stopwatch.StartNew();
        try
        {
            await StartSiteAsync();
            var ms = clock.Elapsed.TotalMilliseconds;
            _figures.Add(new Figure("restart to ready (SIGKILL, start, /health/ready)", FigureKind.Restart, 1, 1, 1, ms, ms, _probe.Site.WorkingSetMiB(), 0,
                $"RSS when ready {_probe.Site.WorkingSetMiB():N0} MiB; ready polled every 250 ms; load average {LoadAverage()}"));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var ms = clock.Elapsed.TotalMilliseconds;
            _figures.Add(new Figure("restart to ready (SIGKILL, start, /health/ready)", FigureKind.Restart, 1, 1, 0, ms, ms, 0, 0, e.Message.Split('\n')[0]));
        }
    }

    private async Task MeasureAsync(string name, FigureKind kind, Func<int, HttpRequestMessage> request, int? available = null) =>
        _figures.Add(await _probe.SeriesAsync(name, kind, request, available));

    /// <summary>An advance that is not itself measured (entering CommitteeScoring is, through the probe).</summary>
    private async Task AdvanceAsync(string phase)
    {
        var clock = Stopwatch.StartNew();
        using var admin = Admin();
        await admin.AdvanceAsync(_campaign.Id, phase);
        log($"campaign in {phase} ({clock.Elapsed.TotalSeconds:N1} s)");
    }

    private static HttpRequestMessage Get(string path, string? cookie)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
            message.Headers.Add("Cookie", cookie);
        return message;
    }

    private static HttpRequestMessage Post(string path, string json, string? cookie)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (cookie is not null)
            message.Headers.Add("Cookie", cookie);
        return message;
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first}; {second}";
}
