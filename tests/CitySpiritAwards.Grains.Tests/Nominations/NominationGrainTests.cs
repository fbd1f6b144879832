using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Tests.Support;
using CitySpiritAwards.Storage.Nominations;

namespace CitySpiritAwards.Grains.Tests.Nominations;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class NominationGrainTests(EmbeddedClusterFixture fixture)
{
    private async Task<string> CampaignInAsync(CampaignPhase phase, int nominationsPerResident = 5)
    {
        var id = TestData.UniqueId("campaign");
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(id);
        var settings = TestData.Campaign(EmbeddedClusterFixture.Clock.GetUtcNow()) with
        {
            Settings = CampaignSettings.Default with { NominationsPerResident = nominationsPerResident },
        };
        await campaign.CreateAsync(settings, "admin:test");
        for (var next = PhaseRules.Next(CampaignPhase.Draft); next is not null && next <= phase; next = PhaseRules.Next(next.Value))
            await campaign.AdvanceToAsync(next.Value, "admin:test");
        return id;
    }

    private IResidentNominationsGrain Resident(string campaignId, string residentId = "resident-1") =>
        fixture.Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, residentId));

    /// <summary>The campaign's nominations as its lists (the read table) know them.</summary>
    private async Task<IReadOnlyList<string>> ListedAsync(string campaignId) =>
        (await fixture.Nominations.ModerationAsync(campaignId, new ModerationFilter(Status: null), 1, 200)).Items.Select(n => n.Id).ToList();

    [Fact]
    public async Task A_resident_nominates_during_nominating_and_the_nominee_has_not_yet_consented()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);

        var outcome = await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), []);

        Assert.True(outcome.Succeeded);
        Assert.Equal(NominationStatus.Submitted, outcome.Nomination!.Status);
        Assert.Equal(NomineeConsent.Pending, outcome.Nomination.Consent);
        Assert.False(outcome.Nomination.IsPublic);
        Assert.Contains(outcome.Nomination.Id, await ListedAsync(campaignId));
    }

    [Fact]
    public async Task Submitting_the_same_nomination_twice_stores_it_once()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);
        var id = "n-" + Guid.NewGuid().ToString("N");

        var first = await Resident(campaignId).SubmitAsync(id, TestData.Draft(), []);
        var second = await Resident(campaignId).SubmitAsync(id, TestData.Draft(), []);

        Assert.Equal(first.Nomination!.SubmittedAt, second.Nomination!.SubmittedAt);
        Assert.Equal([id], await Resident(campaignId).ListAsync());
        Assert.Single(await ListedAsync(campaignId));
    }

    [Fact]
    public async Task Racing_submissions_never_exceed_the_residents_limit()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating, nominationsPerResident: 3);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Resident(campaignId).SubmitAsync($"n-{i}-{Guid.NewGuid():N}", TestData.Draft($"邻居{i:00}"), [])));

        Assert.Equal(3, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(RefusalCodes.QuotaReached, o.Refusal));
        Assert.Equal(3, (await Resident(campaignId).ListAsync()).Count);
    }

    [Fact]
    public async Task A_withdrawn_nomination_frees_its_place_in_the_limit()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating, nominationsPerResident: 1);
        var first = await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), []);
        Assert.Equal(RefusalCodes.QuotaReached, (await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft("李四"), [])).Refusal);

        await fixture.Grains.GetGrain<INominationGrain>(first.Nomination!.Id).WithdrawAsync("resident-1");

        Assert.True((await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft("李四"), [])).Succeeded);
    }

    [Fact]
    public async Task An_invalid_draft_is_refused_with_every_problem_and_uses_no_quota()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);

        var outcome = await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"),
            TestData.Draft() with { NomineeName = "王", DistrictId = "atlantis" }, TestData.PhotoIds(4));

        Assert.Null(outcome.Nomination);
        Assert.Equal(["DistrictId", "NomineeName", "PhotoCount"], outcome.Problems.Select(p => p.Field).Order());
        Assert.Empty(await Resident(campaignId).ListAsync());
    }

    [Fact]
    public async Task Nominating_outside_the_nominating_phase_is_refused()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Screening);

        var outcome = await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), []);

        Assert.Equal(RefusalCodes.WrongPhase, outcome.Refusal);
        Assert.Empty(await ListedAsync(campaignId));
    }

    [Fact]
    public async Task Reusing_an_id_for_different_content_is_refused_and_the_first_is_kept()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);
        var id = "n-" + Guid.NewGuid().ToString("N");
        await Resident(campaignId).SubmitAsync(id, TestData.Draft(), []);

        var reused = await Resident(campaignId, "resident-2").SubmitAsync(id, TestData.Draft("别人"), []);

        Assert.Equal(RefusalCodes.IdInUse, reused.Refusal);
        Assert.Equal("王小虎", (await fixture.Grains.GetGrain<INominationGrain>(id).GetAsync())!.Draft.NomineeName);
        Assert.Empty(await Resident(campaignId, "resident-2").ListAsync());
    }

    [Fact]
    public async Task Only_the_nominator_may_edit_and_only_an_approved_consented_nomination_is_public()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);
        var id = (await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), [])).Nomination!.Id;
        var nomination = fixture.Grains.GetGrain<INominationGrain>(id);

        Assert.Equal(RefusalCodes.NotYours, (await nomination.EditAsync("someone-else", TestData.Draft("改名"), [], [])).Refusal);
        await fixture.Grains.GetGrain<ICampaignGrain>(campaignId).AdvanceToAsync(CampaignPhase.Screening, "admin:test");
        var approved = await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null);
        Assert.False(approved.Nomination!.IsPublic); // approved, but the nominee has not consented yet
        var consented = await nomination.ConsentAsync(ConsentAction.Give, round: 0);
        Assert.True(consented.Nomination!.IsPublic);
        var withdrawn = await nomination.ConsentAsync(ConsentAction.Withdraw, round: 0);

        Assert.False(withdrawn.Nomination!.IsPublic);
        Assert.Equal(["submitted", "moderation: Approve", "consent: Give", "consent: Withdraw"], withdrawn.Nomination.History.Select(e => e.Action));
        Assert.Equal("moderator-1", withdrawn.Nomination.History[1].Actor);
    }

    [Fact]
    public async Task A_declined_nominee_stays_hidden_for_good()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);
        var nomination = fixture.Grains.GetGrain<INominationGrain>(
            (await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), [])).Nomination!.Id);

        await nomination.ConsentAsync(ConsentAction.Decline, round: 0);
        var later = await nomination.ConsentAsync(ConsentAction.Give, round: 0);

        Assert.Equal(RefusalCodes.WrongStatus, later.Refusal);
        Assert.Equal(NomineeConsent.Declined, (await nomination.GetAsync())!.Consent);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_the_nominator_can_read()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);
        var nomination = fixture.Grains.GetGrain<INominationGrain>(
            (await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), [])).Nomination!.Id);
        await fixture.Grains.GetGrain<ICampaignGrain>(campaignId).AdvanceToAsync(CampaignPhase.Screening, "admin:test");

        var withoutReason = await nomination.ModerateAsync(ModerationAction.Reject, "moderator-1", " ");
        var withReason = await nomination.ModerateAsync(ModerationAction.Reject, "moderator-1", "事迹无法核实 / The story could not be checked");

        Assert.Equal(RefusalCodes.ReasonRequired, withoutReason.Refusal);
        Assert.Equal(NominationStatus.Rejected, withReason.Nomination!.Status);
        Assert.Equal("事迹无法核实 / The story could not be checked", withReason.Nomination.ModeratorNote);
    }

    [Fact]
    public async Task Changing_the_name_after_consent_asks_the_nominee_again_and_takes_it_off_public_view_until_they_agree()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);
        var nomination = fixture.Grains.GetGrain<INominationGrain>(
            (await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), [])).Nomination!.Id);
        await nomination.ConsentAsync(ConsentAction.Give, round: 0);

        var edited = await nomination.EditAsync("resident-1", TestData.Draft("王大虎"), [], []);
        var again = await nomination.EditAsync("resident-1", TestData.Draft("王大虎"), [], []); // a double submit

        Assert.True(edited.ConsentAskedAgain);
        Assert.True(edited.AsksForConsent);
        Assert.Equal(NomineeConsent.Pending, edited.Nomination!.Consent);
        Assert.Equal(1, edited.Nomination.ConsentRound);
        Assert.Equal(["submitted", "consent: Give", "edited", "consent: AskedAgain"], edited.Nomination.History.Select(e => e.Action));
        Assert.False(again.AsksForConsent);
        Assert.Equal(1, again.Nomination!.ConsentRound);

        // The first link was for the old name: it answers nothing now; the new one does.
        Assert.Equal(RefusalCodes.ConsentLinkReplaced, (await nomination.ConsentAsync(ConsentAction.Give, round: 0)).Refusal);
        await fixture.Grains.GetGrain<ICampaignGrain>(campaignId).AdvanceToAsync(CampaignPhase.Screening, "admin:test");
        Assert.False((await nomination.ModerateAsync(ModerationAction.Approve, "moderator-1", null)).Nomination!.IsPublic);
        Assert.True((await nomination.ConsentAsync(ConsentAction.Give, round: 1)).Nomination!.IsPublic);
    }

    [Fact]
    public async Task A_declined_nominee_is_not_asked_again_whatever_the_nominator_changes()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);
        var nomination = fixture.Grains.GetGrain<INominationGrain>(
            (await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), [])).Nomination!.Id);
        await nomination.ConsentAsync(ConsentAction.Decline, round: 0);

        var edited = await nomination.EditAsync("resident-1", TestData.Draft("王大虎") with { NomineeEmail = "another@example.cn" }, [], []);

        Assert.False(edited.AsksForConsent);
        Assert.Equal(NomineeConsent.Declined, edited.Nomination!.Consent);
        Assert.Equal(0, edited.Nomination.ConsentRound);
    }

    [Fact]
    public async Task A_held_back_consent_email_is_owed_until_it_is_sent_and_a_new_round_starts_afresh()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating);
        var nomination = fixture.Grains.GetGrain<INominationGrain>(
            (await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), [])).Nomination!.Id);

        Assert.True(await nomination.RecordConsentEmailAsync(round: 0, sent: false));
        Assert.True((await nomination.GetAsync())!.ConsentEmailOwed);
        Assert.True(await nomination.RecordConsentEmailAsync(round: 0, sent: true));
        Assert.False(await nomination.RecordConsentEmailAsync(round: 0, sent: true)); // a second "send it now" press sends nothing
        Assert.False((await nomination.GetAsync())!.ConsentEmailOwed);
        Assert.True(await nomination.RecordConsentEmailAsync(round: 0, sent: false));
        var edited = await nomination.EditAsync("resident-1", TestData.Draft("王大虎"), [], []);
        Assert.False(await nomination.RecordConsentEmailAsync(round: 0, sent: false)); // the old round's email no longer matters

        var now = (await nomination.GetAsync())!;
        Assert.False(edited.Nomination!.ConsentEmailOwed);
        Assert.False(now.ConsentEmailOwed);
        Assert.Equal(["submitted", "consent: EmailHeld", "consent: EmailSent", "consent: EmailHeld", "edited", "consent: AskedAgain"],
            now.History.Select(e => e.Action));
    }

    [Fact]
    public async Task The_remaining_quota_leaves_out_withdrawn_nominations()
    {
        var campaignId = await CampaignInAsync(CampaignPhase.Nominating, nominationsPerResident: 2);
        var first = (await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft(), [])).Nomination!.Id;
        await Resident(campaignId).SubmitAsync("n-" + Guid.NewGuid().ToString("N"), TestData.Draft("李四"), []);

        Assert.Equal(0, await Resident(campaignId).RemainingAsync());
        await fixture.Grains.GetGrain<INominationGrain>(first).WithdrawAsync("resident-1");
        Assert.Equal(1, await Resident(campaignId).RemainingAsync());
        Assert.Equal(0, await Resident("no-such-campaign").RemainingAsync());
    }
}
