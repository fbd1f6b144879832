using System.Diagnostics;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>
/// What the measurements work with: the campaign's people (sign-in cookies), its districts, the nominations seeded
/// (with the consent token of each pending one, in the same order) and the shortlisted entries of each award.
/// </summary>
public sealed record SeededCampaign(
    string Id, string AdminCookie, Staff Staff, IReadOnlyList<string> Voters, IReadOnlyList<string> Districts,
    SeededNominations Nominations, IReadOnlyList<string> ConsentTokens, IReadOnlyDictionary<string, List<string>> Shortlists);

/// <summary>
/// Sets up one campaign at one size, nothing of it measured: the campaign and its people through the site, nominations
/// through the grains from a temporary second silo, votes with COPY; with synchronous_commit off meanwhile, and the
/// database vacuumed, analysed and checkpointed afterwards. Says what it did in <see cref="Lines"/>.
/// </summary>
public sealed class CampaignSeeding(
    ScaleOptions options, PostgresServer postgres, string connectionString, IReadOnlyDictionary<string, string?> siteSettings, int size, Action<string> log)
{
    public const string AdminEmail = "scale-admin@example.org";
    public const string AdminPassword = "Scale-admin-pass-1";

    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public static string CampaignIdFor(int size) => $"scale-{size}";

    public async Task<SeededCampaign> SeedAsync(SiteProcess site)
    {
        var id = CampaignIdFor(size);
        var adminCookie = await Residents.SignInAsync(site, AdminEmail, AdminPassword);
        using var admin = new Api(site, adminCookie);
        await CreateCampaignAsync(admin, id);
        var clock = Stopwatch.StartNew();
        var staff = await Staff.CreateAsync(site, admin, options.MembersPerAward);
        var voters = await Residents.CreateAsync(site, options.Voters, parallelism: 4, prefix: "scale-voter");
        Done($"{staff.Members.Count + 2} staff and {voters.Count} residents registered, confirmed and signed in through the pages in {clock.Elapsed.TotalSeconds:N0} s");

        await Sql.SetServerAsync(postgres.AdminConnectionString, "synchronous_commit", "off");
        var (districts, nominations, tokens) = await SeedNominationsAsync(id);
        var shortlists = CategoryIds.All.ToDictionary(
            c => c, c => nominations.Approved.Where(n => n.CategoryId == c).Take(options.EntriesPerAward).Select(n => n.Id).ToList());
        await SeedVotesAsync(id, shortlists);
        await TidyAsync();
        return new SeededCampaign(id, adminCookie, staff, voters, districts, nominations, tokens, shortlists);
    }

    /// <summary>Every phase a month ahead, so only the administrator's advances move it; then into Nominating.</summary>
    private async Task CreateCampaignAsync(Api admin, string id)
    {
        var start = DateTimeOffset.UtcNow.AddDays(30);
        await admin.PostAsync("/api/admin/campaigns", new
        {
            id,
            name = new { zhCn = $"城市规模测试 {size:N0}", en = $"City-scale benchmark {size:N0}" },
            description = new { zhCn = "虚构的推荐与投票", en = "Fictional nominations and votes" },
            phaseStarts = new[] { "Nominating", "Screening", "CommitteeScoring", "PublicVoting", "Tallying", "Published" }
                .Select((phase, i) => (phase, at: start.AddDays(i))).ToDictionary(p => p.phase, p => p.at),
            settings = new
            {
                nominationsPerResident = 5, votesPerCategory = options.EntriesPerAward, committeeWeightPercent = 70, publicWeightPercent = 30,
                shortlistSize = options.EntriesPerAward, judgesPerEntry = options.JudgesPerEntry, liveTallies = true, allowVoteChanges = true,
                // Each resident below votes for every shortlisted entry within a minute; above that, a burst (default 30) is flagged.
                fraud = new { burstVotes = 4 * options.EntriesPerAward + 20 },
            },
        });
        await admin.AdvanceAsync(id, "Nominating");
        log($"campaign '{id}' created and in Nominating");
    }

    private async Task<(IReadOnlyList<string> Districts, SeededNominations Nominations, IReadOnlyList<string> Tokens)> SeedNominationsAsync(string id)
    {
        var clock = Stopwatch.StartNew();
        await using var silo = await SeedSilo.StartAsync(siteSettings);
        log($"seeding silo joined the cluster in {clock.Elapsed.TotalSeconds:N1} s");
        var districts = silo.Seeds.Districts.Select(d => d.Id).ToList();
        var seeder = new NominationSeeder(silo.Grains, new FictionalNominees(districts), id, options.Parallelism, log);
        var nominations = await seeder.SeedAsync(size, options.PendingAt(size));
        var now = DateTimeOffset.UtcNow;
        var tokens = nominations.Pending.Select(n => silo.ConsentLinks.CreateToken(n.Id, round: 0, now)).ToList();
        Done($"{nominations.Approved.Count:N0} nominations imported approved and consented, {nominations.Pending.Count:N0} submitted by residents and pending, " +
            $"through the grains (parallelism {options.Parallelism}) in {clock.Elapsed.TotalSeconds:N0} s");
        return (districts, nominations, tokens);
    }

    private async Task SeedVotesAsync(string id, Dictionary<string, List<string>> shortlists)
    {
        var clock = Stopwatch.StartNew();
        var entries = shortlists.SelectMany(s => s.Value.Select(entry => new VoteEntry(entry, s.Key))).ToList();
        var votes = await new VoteSeeder(connectionString, id, log).SeedAsync(entries, options.VotesAt(size), DateTimeOffset.UtcNow);
        Done($"{votes.Votes:N0} votes for the {entries.Count} shortlisted entries from {votes.Voters:N0} voters on {votes.Networks:N0} networks, " +
            $"over the 7 days before now, with COPY, indexes and fraud scan state in {clock.Elapsed.TotalSeconds:N0} s");
    }

    /// <summary>As autovacuum and the checkpointer would have left a live database; durable commits again.</summary>
    private async Task TidyAsync()
    {
        var clock = Stopwatch.StartNew();
        await Sql.ExecuteAsync(connectionString, "VACUUM (ANALYZE)");
        await Sql.ExecuteAsync(connectionString, "CHECKPOINT");
        await Sql.SetServerAsync(postgres.AdminConnectionString, "synchronous_commit", "on");
        var bytes = await Sql.ScalarAsync<long>(connectionString, "SELECT pg_database_size(current_database())");
        Done($"database vacuumed, analysed and checkpointed in {clock.Elapsed.TotalSeconds:N0} s: {bytes / 1024.0 / 1024 / 1024:N1} GiB; synchronous_commit on again");
    }

    private void Done(string line)
    {
        _lines.Add(line);
        log(line);
    }
}
