using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Campaigns;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class CampaignGrainTests(EmbeddedClusterFixture fixture)
{
    private ICampaignGrain NewCampaignGrain() => fixture.Grains.GetGrain<ICampaignGrain>(TestData.UniqueId("campaign"));

    [Fact]
    public async Task A_new_campaign_starts_in_draft_and_is_listed()
    {
        var grain = NewCampaignGrain();

        var created = await grain.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");

        Assert.Equal(CampaignPhase.Draft, created.Phase);
        Assert.Equal("Test campaign", created.Name.En);
        var listed = await fixture.Grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync();
        Assert.Contains(grain.GetPrimaryKeyString(), listed);
    }

    [Fact]
    public async Task Creating_the_same_campaign_twice_is_refused_and_keeps_the_first()
    {
        var grain = NewCampaignGrain();
        await grain.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");

        var second = TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()) with { Name = TestData.Text("别的", "Other") };
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.CreateAsync(second, "admin:test"));

        Assert.Equal("Test campaign", (await grain.GetAsync())!.Name.En);
    }

    [Fact]
    public async Task An_invalid_schedule_is_refused_with_the_reason()
    {
        var campaign = TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow());
        var start = EmbeddedClusterFixture.Clock.GetUtcNow();
        // Screening set to start before Nominating.
        var backwards = campaign with
        {
            Schedule = new CampaignSchedule(campaign.Schedule.Phases
                .Select(w => w.Phase == CampaignPhase.Screening ? w with { StartsAt = start.AddDays(-1) } : w)
                .ToList()),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => NewCampaignGrain().CreateAsync(backwards, "admin:test"));

        Assert.Contains("must start after", error.Message);
    }

    [Fact]
    public async Task Advancing_twice_to_the_same_phase_changes_it_once()
    {
        var grain = NewCampaignGrain();
        await grain.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");

        var first = await grain.AdvanceToAsync(CampaignPhase.Nominating, "job:phase");
        var second = await grain.AdvanceToAsync(CampaignPhase.Nominating, "job:phase");

        Assert.Equal(PhaseTransition.Advance, first.Outcome);
        Assert.Equal(PhaseTransition.AlreadyDone, second.Outcome);
        var log = await grain.GetAuditLogAsync();
        Assert.Single(log, entry => entry.Action.Contains(nameof(CampaignPhase.Nominating)));
    }

    [Fact]
    public async Task Many_racing_requests_for_the_next_phase_advance_it_exactly_once()
    {
        var grain = NewCampaignGrain();
        await grain.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.AdvanceToAsync(CampaignPhase.Nominating, $"silo-{i % 2}")));

        Assert.Single(results, r => r.Outcome == PhaseTransition.Advance);
        Assert.All(results, r => Assert.Equal(CampaignPhase.Nominating, r.Phase));
    }

    [Fact]
    public async Task Phases_cannot_be_skipped()
    {
        var grain = NewCampaignGrain();
        await grain.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");

        var result = await grain.AdvanceToAsync(CampaignPhase.PublicVoting, "admin:test");

        Assert.Equal(PhaseTransition.SkipNotAllowed, result.Outcome);
        Assert.Equal(CampaignPhase.Draft, (await grain.GetAsync())!.Phase);
    }

    [Fact]
    public async Task The_audit_log_records_who_changed_the_phase_and_when()
    {
        var grain = NewCampaignGrain();
        await grain.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:alice");

        await grain.AdvanceToAsync(CampaignPhase.Nominating, "job:phase-change");

        var log = await grain.GetAuditLogAsync();
        Assert.Equal(["admin:alice", "job:phase-change"], log.Select(e => e.Actor));
        Assert.All(log, e => Assert.Equal(EmbeddedClusterFixture.Clock.GetUtcNow(), e.At));
    }

    [Fact]
    public async Task A_campaign_survives_deactivation_because_its_state_is_in_the_file_store()
    {
        var grain = NewCampaignGrain();
        await grain.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");
        await grain.AdvanceToAsync(CampaignPhase.Nominating, "admin:test");

        await fixture.DeactivateAsync(grain);

        var reloaded = await grain.GetAsync();
        Assert.NotNull(reloaded);
        Assert.Equal(CampaignPhase.Nominating, reloaded.Phase);
        Assert.Equal(6, reloaded.Schedule.Phases.Count);
    }

    [Fact]
    public async Task Catching_up_with_the_schedule_steps_through_every_due_phase_once()
    {
        var clock = EmbeddedClusterFixture.Clock;
        var grain = NewCampaignGrain();
        // Nominating starts in an hour, then a phase every 7 days.
        await grain.CreateAsync(TestData.Campaign(clock.GetUtcNow().AddHours(1)), "admin:test");

        var early = await grain.CatchUpWithScheduleAsync("job:phase-schedule");
        clock.Advance(TimeSpan.FromDays(15));
        var caughtUp = await grain.CatchUpWithScheduleAsync("job:phase-schedule");
        var again = await grain.CatchUpWithScheduleAsync("job:phase-schedule");

        Assert.Equal((PhaseTransition.AlreadyDone, CampaignPhase.Draft), (early.Outcome, early.Phase));
        Assert.Equal((PhaseTransition.Advance, CampaignPhase.CommitteeScoring), (caughtUp.Outcome, caughtUp.Phase));
        Assert.Equal(PhaseTransition.AlreadyDone, again.Outcome);
        var phaseChanges = (await grain.GetAuditLogAsync()).Where(e => e.Actor == "job:phase-schedule").Select(e => e.Action);
        Assert.Equal(["phase → Nominating", "phase → Screening", "phase → CommitteeScoring"], phaseChanges);
    }

    [Fact]
    public async Task Catching_up_never_undoes_an_early_advance_by_an_administrator()
    {
        var grain = NewCampaignGrain();
        await grain.CreateAsync(TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()), "admin:test");
        await grain.AdvanceToAsync(CampaignPhase.Nominating, "admin:test");
        await grain.AdvanceToAsync(CampaignPhase.Screening, "admin:test");

        var result = await grain.CatchUpWithScheduleAsync("job:phase-schedule");

        Assert.Equal((PhaseTransition.AlreadyDone, CampaignPhase.Screening), (result.Outcome, result.Phase));
    }
}
