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
/// campaign and its people made through the site, nominations seeded through the grains (<see cref="SeedSilo"/>) and
/// votes with COPY (<see cref="VoteSeeder"/>), then every measurement through the real endpoints while the campaign goes
/// phase by phase from Screening to Tallying, and last a restart. The database is dropped at the end.
/// </summary>
public sealed class SizeRun(ScaleOptions options, PostgresServer postgres, AzuriteServer azurite, int size, Action<string> log)
{
    public const string AdminEmail = "scale-admin@example.org";
    public const string AdminPassword = "Scale-admin-pass-1";

    /// <summary>Concurrency of the residents' votes before the fraud scan (as the vote benchmark).</summary>
    private const int VoteConcurrency = 32;

    private readonly List<Figure> _figures = [];
    private readonly List<string> _seeding = [];
    private readonly Probe _probe = new(options, log);
    private readonly Dictionary<string, string?> _settings = [];
    private string _adminCookie = "";
    private Staff _staff = null!;
    private IReadOnlyList<string> _voters = [];
    private IReadOnlyList<string> _districts = [];
    private bool _siteRunning;

    private string CampaignId => $"scale-{size}";

    private string Database => $"scale_{size}";

    public async Task<SizeResult> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var loadBefore = LoadAverage();
        var connectionString = await postgres.CreateDatabaseAsync(Database);
        foreach (var (key, value) in SiteSettings(connectionString))
            _settings[key] = value;
        string? failure = null;
        try
        {
            await StartSiteAsync();
            await SetUpAsync();
            var (nominations, tokens, shortlists) = await SeedAsync(connectionString);
            // The seeding activated grains on the site too; they are not what a site at this size holds at rest.
            await KillSiteAsync();
            await StartSiteAsync();
            log($"site restarted after seeding: {_probe.Site.WorkingSetMiB():N0} MiB");

            await ScreeningAsync(nominations, tokens);
            await RestingAsync("site RSS at rest (after Screening's measurements)");
            await JudgingAsync();
            await VotingAsync(connectionString, shortlists);
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
        return new SizeResult(size, options.VotesAt(size), _figures, _seeding, failure, clock.Elapsed, $"{loadBefore} at the start, {LoadAverage()} at the end");
    }

    /// <summary>The machine's 1-minute load average: the cores are shared, and anything else running shows in the figures.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private Dictionary<string, string?> SiteSettings(string connectionString) => new()
    {
        ["CitySpiritAwards:Mode"] = "Cluster",
        ["CitySpiritAwards:SeedDemo"] = "false",
        ["ConnectionStrings:Postgres"] = connectionString,
        ["ConnectionStrings:Blobs"] = azurite.ConnectionString,
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
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

    private Api Admin() => new(_probe.Site, _adminCookie);

    /// <summary>The campaign (every phase scheduled a month ahead, so only the administrator's advances move it) and its people.</summary>
    private async Task SetUpAsync()
    {
        _adminCookie = await Residents.SignInAsync(_probe.Site, AdminEmail, AdminPassword);
        var start = DateTimeOffset.UtcNow.AddDays(30);
        using (var admin = Admin())
        {
            await admin.PostAsync("/api/admin/campaigns", new
            {
                id = CampaignId,
                name = new { zhCn = $"城市规模测试 {size:N0}", en = $"City-scale benchmark {size:N0}" },
                description = new { zhCn = "虚构的推荐与投票", en = "Fictional nominations and votes" },
                phaseStarts = new[] { "Nominating", "Screening", "CommitteeScoring", "PublicVoting", "Tallying", "Published" }
                    .Select((phase, i) => (phase, at: start.AddDays(i))).ToDictionary(p => p.phase, p => p.at),
                settings = new
                {
                    nominationsPerResident = 5, votesPerCategory = options.EntriesPerAward, committeeWeightPercent = 70, publicWeightPercent = 30,
                    shortlistSize = options.EntriesPerAward, judgesPerEntry = options.JudgesPerEntry, liveTallies = true, allowVoteChanges = true,
                    // Each resident here votes for every shortlisted entry within a minute; above that, a burst (default 30) is flagged.
                    fraud = new { burstVotes = 4 * options.EntriesPerAward + 20 },
                },
            });
            await AdvanceAsync(admin, "Nominating");
            var clock = Stopwatch.StartNew();
            _staff = await Staff.CreateAsync(_probe.Site, admin, options.MembersPerAward);
            _voters = await Residents.CreateAsync(_probe.Site, options.Voters, parallelism: 4, prefix: "scale-voter");
            log($"campaign '{CampaignId}' in Nominating; {_staff.Members.Count + 2} staff and {_voters.Count} residents registered, confirmed and signed in through the pages in {clock.Elapsed.TotalSeconds:N0} s");
        }
    }

    private async Task<(SeededNominations Nominations, IReadOnlyList<string> ConsentTokens, Dictionary<string, List<string>> Shortlists)> SeedAsync(string connectionString)
    {
        await SetSynchronousCommitAsync("off");
        var clock = Stopwatch.StartNew();
        SeededNominations nominations;
        IReadOnlyList<string> tokens;
        await using (var silo = await SeedSilo.StartAsync(_settings))
        {
            log($"seeding silo joined the cluster in {clock.Elapsed.TotalSeconds:N1} s");
            _districts = silo.Seeds.Districts.Select(d => d.Id).ToList();
            var seeder = new NominationSeeder(silo.Grains, new FictionalNominees(_districts), CampaignId, options.Parallelism, log);
            nominations = await seeder.SeedAsync(size, options.PendingAt(size));
            var now = DateTimeOffset.UtcNow;
            tokens = nominations.Pending.Select(n => silo.ConsentLinks.CreateToken(n.Id, now)).ToList();
        }
        Seeded($"{nominations.Approved.Count:N0} nominations imported approved and consented, {nominations.Pending.Count:N0} submitted by residents and pending, through the grains (parallelism {options.Parallelism}) in {clock.Elapsed.TotalSeconds:N0} s");

        var shortlists = CategoryIds.All.ToDictionary(c => c, c => nominations.Approved.Where(n => n.CategoryId == c).Take(options.EntriesPerAward).Select(n => n.Id).ToList());
        var entries = shortlists.SelectMany(s => s.Value.Select(id => new VoteEntry(id, s.Key))).ToList();
        clock.Restart();
        var votes = await new VoteSeeder(connectionString, CampaignId, log).SeedAsync(entries, options.VotesAt(size), DateTimeOffset.UtcNow);
        Seeded($"{votes.Votes:N0} votes for the {entries.Count} shortlisted entries from {votes.Voters:N0} voters on {votes.Networks:N0} networks, over the 7 days before now, with COPY in {clock.Elapsed.TotalSeconds:N0} s");

        clock.Restart();
        await Sql.ExecuteAsync(connectionString, "VACUUM (ANALYZE)");
        await Sql.ExecuteAsync(connectionString, "CHECKPOINT");
        await SetSynchronousCommitAsync("on");
        var bytes = await Sql.ScalarAsync<long>(connectionString, "SELECT pg_database_size(current_database())");
        Seeded($"database vacuumed, analysed and checkpointed in {clock.Elapsed.TotalSeconds:N0} s: {bytes / 1024.0 / 1024 / 1024:N1} GiB; synchronous_commit on again");
        return (nominations, tokens, shortlists);
    }

    private void Seeded(string line)
    {
        _seeding.Add(line);
        log(line);
    }

    private Task SetSynchronousCommitAsync(string value) => Sql.SetServerAsync(postgres.AdminConnectionString, "synchronous_commit", value);

    /// <summary>Screening: the moderators' queue, one approval, one consent; the public gallery and a nominee's page.</summary>
    private async Task ScreeningAsync(SeededNominations nominations, IReadOnlyList<string> tokens)
    {
        using (var admin = Admin())
            await AdvanceAsync(admin, "Screening");
        var c = CampaignId;
        var moderator = _staff.ModeratorCookie;
        var searches = nominations.Approved.Select(n => n.ChineseGivenName).OfType<string>().Where(g => g.Length == 2).Distinct().ToList();
        string Search(int i) => Uri.EscapeDataString(searches[i * 7 % searches.Count]);
        string Category(int i) => CategoryIds.All[i % CategoryIds.All.Count];
        string District(int i) => _districts[i / CategoryIds.All.Count % _districts.Count];
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
        var c = CampaignId;
        using (var chair = new Api(_probe.Site, _staff.ChairCookie))
        {
            foreach (var member in _staff.Members)
                await chair.PostAsync($"/api/committee/{c}/chair/panels/{member.CategoryId}/members", new { email = member.Email });
        }
        _figures.Add(await _probe.OnceAsync("entering CommitteeScoring (judge assignment, admin API)", FigureKind.Page,
            _ => Post($"/api/admin/campaigns/{c}/phase", """{"phase":"CommitteeScoring"}""", _adminCookie)));
        await MeasureAsync("chair's overview page", FigureKind.Page, _ => Get($"/committee/{c}/chair", _staff.ChairCookie));
        await MeasureAsync("a member's queue page", FigureKind.Page, i => Get($"/committee/{c}", _staff.Members[i % _staff.Members.Count].Cookie));
    }

    /// <summary>Public voting: the residents' votes through the real endpoint, then one fraud scan of them.</summary>
    private async Task VotingAsync(string connectionString, Dictionary<string, List<string>> shortlists)
    {
        var c = CampaignId;
        using (var admin = Admin())
        {
            // Standing in for the committee's shortlists (as the vote benchmark does), so votes go to the seeded entries.
            foreach (var (category, ids) in shortlists)
                await admin.PostAsync($"/api/bench/campaigns/{c}/shortlists/{category}", new { entryIds = ids });
            await AdvanceAsync(admin, "PublicVoting");
        }
        // As if they had registered days ago: minutes-old accounts are what the fresh-account signal is for, and would
        // make the scan measure holding 48,000 votes rather than scanning them.
        await Sql.ExecuteAsync(connectionString, """UPDATE "AspNetUsers" SET "CreatedAt" = "CreatedAt" - interval '30 days' WHERE "Email" LIKE 'scale-voter-%'""");

        var entries = shortlists.Values.SelectMany(ids => ids).ToList();
        var networks = VoteSeeder.NetworksFor(options.VotesAt(size));
        var spacing = Math.Max(1, networks / _voters.Count);
        HttpRequestMessage Vote(int i)
        {
            var voter = i % _voters.Count;
            var message = Post($"/api/campaigns/{c}/votes", $"{{\"entryId\":\"{entries[(i / _voters.Count + voter) % entries.Count]}\"}}", _voters[voter]);
            // Each resident on a network of its own among the seeded ones; the site believes loopback proxies.
            message.Headers.Add("X-Forwarded-For", VoteSeeder.Address(voter * spacing % networks, 1 + voter % 250));
            return message;
        }
        await _probe.SettleAsync(options.LongCap);
        using (var load = _probe.Client(options.Cap, VoteConcurrency))
        {
            var votes = await LoadRun.RunAsync("votes cast (real endpoint)", _probe.Site, load, _voters.Count * entries.Count, VoteConcurrency, options.LongCap, Vote);
            log(votes.Line());
            _figures.Add(new Figure("residents' votes before the scan (concurrency 32)", FigureKind.Info, _voters.Count * entries.Count, votes.Requests,
                votes.Succeeded, votes.P50Ms, votes.P99Ms, votes.PeakServerMiB, 0, $"{votes.PerSecond:N0} votes/s"));
        }

        await _probe.SettleAsync(options.LongCap);
        var resting = _probe.Site.WorkingSetMiB();
        var found = "";
        var scan = await _probe.OnceAsync("one fraud scan after the new votes (admin API)", FigureKind.FraudScan,
            _ => Post($"/api/admin/campaigns/{c}/held-votes/scan", "{}", _adminCookie), answered: (_, body) => found = body, restingMiB: resting);
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
        var c = CampaignId;
        _figures.Add(await _probe.OnceAsync("entering Tallying (results computed, admin API)", FigureKind.Info,
            _ => Post($"/api/admin/campaigns/{c}/phase", """{"phase":"Tallying"}""", _adminCookie)));
        _figures.Add(await _probe.OnceAsync("results.csv", FigureKind.Export, _ => Get($"/api/admin/campaigns/{c}/results.csv", _adminCookie), options.ExportRequests));
        _figures.Add(await _probe.OnceAsync("votes.csv", FigureKind.Export, _ => Get($"/api/admin/campaigns/{c}/votes.csv", _adminCookie), options.ExportRequests));
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

    private async Task AdvanceAsync(Api admin, string phase)
    {
        var clock = Stopwatch.StartNew();
        await admin.PostAsync($"/api/admin/campaigns/{CampaignId}/phase", new { phase });
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
