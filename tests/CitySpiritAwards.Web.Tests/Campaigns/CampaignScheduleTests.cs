using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitySpiritAwards.Web.Tests.Campaigns;

/// <summary>An administrator creates a campaign; its phases then change by themselves, driven by Hangfire.</summary>
public sealed class CampaignScheduleTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@example.org";
    private const string AdminPassword = "Schedule-admin-1";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly AwardsAppFactory _app;

    public CampaignScheduleTests() => _app = new AwardsAppFactory(new Dictionary<string, string?>
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["CitySpiritAwards:SeedDemo"] = "false",
    })
    {
        ReplaceServices = services => services.AddSingleton(new AwardsClock(_clock)),
    };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private object NewCampaign(string id, TimeSpan firstPhaseIn) => new
    {
        id,
        name = new { zhCn = "春季评选", en = "Spring awards" },
        description = new { zhCn = "测试", en = "Test" },
        phaseStarts = new Dictionary<string, DateTimeOffset>
        {
            ["Nominating"] = _clock.GetUtcNow() + firstPhaseIn,
            ["Screening"] = _clock.GetUtcNow() + firstPhaseIn + TimeSpan.FromSeconds(5),
            ["CommitteeScoring"] = _clock.GetUtcNow() + firstPhaseIn + TimeSpan.FromSeconds(10),
            ["PublicVoting"] = _clock.GetUtcNow() + firstPhaseIn + TimeSpan.FromSeconds(15),
            ["Tallying"] = _clock.GetUtcNow() + firstPhaseIn + TimeSpan.FromSeconds(20),
            ["Published"] = _clock.GetUtcNow() + firstPhaseIn + TimeSpan.FromSeconds(25),
        },
        settings = new { nominationsPerResident = 5, votesPerCategory = 1, committeeWeightPercent = 70, publicWeightPercent = 30, shortlistSize = 5, judgesPerEntry = 3, liveTallies = true },
    };

    private async Task<string> PhaseOfAsync(string id) =>
        (await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("phase").GetString()!;

    [Fact]
    public async Task A_campaign_with_phases_seconds_apart_moves_through_them_as_the_clock_passes_each_start()
    {
        var admin = await AdminClient.SignInAsync(_app, AdminEmail, AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/admin/campaigns", NewCampaign("spring", TimeSpan.FromSeconds(5)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var job = _app.Services.GetRequiredService<CampaignPhaseJob>();

        var seen = new List<string>();
        foreach (var step in new[] { 0, 5, 5, 5, 5 })
        {
            _clock.Advance(TimeSpan.FromSeconds(step));
            await job.CatchUpAllAsync();
            await job.CatchUpAllAsync(); // the job running twice changes nothing more
            seen.Add(await PhaseOfAsync("spring"));
        }

        Assert.Equal(["Draft", "Nominating", "Screening", "CommitteeScoring", "PublicVoting"], seen);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/spring/audit");
        Assert.Equal(4, audit.EnumerateArray().Count(e => e.GetProperty("actor").GetString() == CampaignPhaseJob.Actor));
    }

    [Fact]
    public async Task Creating_a_campaign_schedules_its_first_phase_change_at_the_exact_time()
    {
        var admin = await AdminClient.SignInAsync(_app, AdminEmail, AdminPassword);
        (await admin.PostAsJsonAsync("/api/admin/campaigns", NewCampaign("exact", TimeSpan.FromHours(3)))).EnsureSuccessStatusCode();

        var scheduled = _app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 100)
            .Select(j => j.Value)
            .Where(j => j.Job.Method.Name == nameof(CampaignPhaseJob.CatchUpAsync) && (string)j.Job.Args[0] == "exact")
            .ToList();

        var job = Assert.Single(scheduled);
        Assert.Equal((_clock.GetUtcNow() + TimeSpan.FromHours(3)).UtcDateTime, job.EnqueueAt);
    }

    [Fact]
    public async Task Hangfire_runs_the_phase_job_by_itself()
    {
        var admin = await AdminClient.SignInAsync(_app, AdminEmail, AdminPassword);
        (await admin.PostAsJsonAsync("/api/admin/campaigns", NewCampaign("autumn", TimeSpan.FromSeconds(1)))).EnsureSuccessStatusCode();
        _clock.Advance(TimeSpan.FromSeconds(2));

        _app.Services.GetRequiredService<IRecurringJobManager>().Trigger(CampaignPhaseJob.RecurringJobId);

        Assert.Equal("Nominating", await Eventually.GetAsync(() => PhaseOfAsync("autumn"), phase => phase == "Nominating"));
    }

    [Fact]
    public async Task A_campaign_with_phases_out_of_order_is_refused_with_the_reason_in_problem_json()
    {
        var admin = await AdminClient.SignInAsync(_app, AdminEmail, AdminPassword);
        var campaign = JsonSerializer.SerializeToNode(NewCampaign("broken", TimeSpan.FromDays(1)))!;
        campaign["phaseStarts"]!["Screening"] = _clock.GetUtcNow().AddDays(-1);

        var response = await admin.PostAsJsonAsync("/api/admin/campaigns", campaign);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reasons = problem.GetProperty("errors").GetProperty("phaseStarts").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("Screening must start after Nominating.", reasons);
        Assert.Contains(reasons, r => r!.Contains("按阶段顺序依次推后")); // and what is asked, in Chinese
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/api/campaigns/broken")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_campaign_twice_is_a_conflict_and_visitors_cannot_create_one()
    {
        var admin = await AdminClient.SignInAsync(_app, AdminEmail, AdminPassword);
        (await admin.PostAsJsonAsync("/api/admin/campaigns", NewCampaign("twice", TimeSpan.FromDays(1)))).EnsureSuccessStatusCode();

        var again = await admin.PostAsJsonAsync("/api/admin/campaigns", NewCampaign("twice", TimeSpan.FromDays(2)));
        var anonymous = await _app.CreateClient().PostAsJsonAsync("/api/admin/campaigns", NewCampaign("sneaky", TimeSpan.FromDays(1)));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
