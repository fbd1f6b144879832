using System.Net;
using System.Net.Http.Json;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CitySpiritAwards.Web.Tests.Tallying;

/// <summary>
/// The embedded site with a fake awards clock and an administrator, and a campaign to take through public voting to
/// published results: its entries imported as screened (approved, consented), its shortlists published as the committee
/// would (with known committee results), and phases reached by moving the clock and running the phase job.
/// </summary>
public sealed class ResultsSite : IAsyncLifetime
{
    public const string AdminEmail = "results-admin@example.org";
    public const string AdminPassword = "Results-admin-1";
    public const string NominatorId = "nominator-7f3a";
    public const string NomineeEmail = "nominee-private@example.org";
    public const string PhotoId = "0123456789abcdef";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    public AwardsAppFactory App { get; }

    public ResultsSite() => App = new AwardsAppFactory(new Dictionary<string, string?>
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["CitySpiritAwards:SeedDemo"] = "false",
        ["Account:SignupPermitLimit"] = "1000",
    })
    {
        ReplaceServices = services => services.AddSingleton(new AwardsClock(Clock)),
    };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// A campaign whose public voting opens in a day and runs a week, tallying a day, then publication. The wisdom
    /// shortlist is "Entry A" (z 0.2, raw 8.25 from 3 scores), "Entry B" (z 0, raw 7.5 from 4), "Entry C" (z −1, raw 6
    /// from 3); the excellence one has "Entry D" alone; the other awards have none. Nominees are named "候选人A (Entry A)"
    /// and so on unless <paramref name="names"/> names them otherwise; each is nominated by <see cref="NominatorId"/> (no
    /// account) unless <paramref name="nominators"/> gives the letter another user id. Returns the entry ids by letter.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> CreateCampaignAsync(
        string id, CampaignSettings? settings = null, IReadOnlyDictionary<string, string>? names = null,
        IReadOnlyDictionary<string, string>? nominators = null) =>
        CreateCampaignAsync(Grains, Clock.GetUtcNow(), id, settings, names, nominators);

    /// <summary>The same campaign through any site's grains (e.g. a cluster's), scheduled from <paramref name="now"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CreateCampaignAsync(
        IGrainFactory grains, DateTimeOffset now, string id, CampaignSettings? settings = null, IReadOnlyDictionary<string, string>? names = null,
        IReadOnlyDictionary<string, string>? nominators = null)
    {
        var schedule = new CampaignSchedule(
        [
            new PhaseWindow(CampaignPhase.Nominating, now.AddMinutes(1)),
            new PhaseWindow(CampaignPhase.Screening, now.AddMinutes(2)),
            new PhaseWindow(CampaignPhase.CommitteeScoring, now.AddMinutes(3)),
            new PhaseWindow(CampaignPhase.PublicVoting, now.AddDays(1)),
            new PhaseWindow(CampaignPhase.Tallying, now.AddDays(8)),
            new PhaseWindow(CampaignPhase.Published, now.AddDays(9)),
        ]);
        await grains.GetGrain<ICampaignGrain>(id).CreateAsync(new NewCampaign(
            new LocalizedText("城市精神奖测试", "City Spirit test"), new LocalizedText("结果测试", "Results test"),
            schedule, settings ?? CampaignSettings.Default), "test");

        var entries = new Dictionary<string, string>();
        async Task<ShortlistedEntry> EntryAsync(string letter, string category, string district, int rank, double z, decimal raw, int count)
        {
            var entryId = $"{id}-{letter.ToLowerInvariant()}";
            var draft = new NominationDraft(category, district, names?.GetValueOrDefault(letter) ?? $"候选人{letter} (Entry {letter})", Relationships.Neighbour,
                $"候选人{letter}二十年如一日在弄堂口为邻居免费修理小家电，还教孩子们动手修理自己的玩具。",
                $"Entry {letter} has mended the neighbours' small appliances for free at the lane entrance for twenty years.",
                NomineeEmail, 1);
            await grains.GetGrain<INominationGrain>(entryId).ImportApprovedAsync(new NominationSubmission(id, nominators?.GetValueOrDefault(letter) ?? NominatorId, draft, [PhotoId]), "test");
            entries[letter] = entryId;
            return new ShortlistedEntry(entryId, rank, z, raw, count);
        }
        var wisdom = new[]
        {
            await EntryAsync("A", CategoryIds.Wisdom, "pudong", 1, 0.2, 8.25m, 3),
            await EntryAsync("B", CategoryIds.Wisdom, "xuhui", 2, 0.0, 7.5m, 4),
            await EntryAsync("C", CategoryIds.Wisdom, "huangpu", 3, -1.0, 6m, 3),
        };
        var excellence = new[] { await EntryAsync("D", CategoryIds.Excellence, "jingan", 1, 0.5, 9m, 3) };
        foreach (var category in CategoryIds.All)
        {
            IReadOnlyList<ShortlistedEntry> shortlist = category == CategoryIds.Wisdom ? wisdom : category == CategoryIds.Excellence ? excellence : [];
            await grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(id, category)).PublishAsync(shortlist, "test");
        }
        return entries;
    }

    /// <summary>Moves the fake clock to the phase's start and runs the phase job, as Hangfire would at that moment.</summary>
    public async Task ClockReachesAsync(string campaignId, CampaignPhase phase)
    {
        var starts = (await Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync())!.Schedule.StartOf(phase)!.Value;
        if (starts > Clock.GetUtcNow())
            Clock.Advance(starts - Clock.GetUtcNow());
        await App.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAsync(campaignId);
    }

    /// <summary>Confirmed residents (signed in through the real pages) voting through the real API, one vote each.</summary>
    public async Task VoteAsync(string campaignId, params string[] entryIds)
    {
        foreach (var entryId in entryIds)
        {
            var resident = await VotingCampaign.ResidentAsync(App);
            var response = await resident.PostAsJsonAsync($"/api/campaigns/{campaignId}/votes", new { entryId });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    public Task<HttpClient> AdminAsync() => AdminClient.SignInAsync(App, AdminEmail, AdminPassword);

    public Task<CampaignResults?> ResultsAsync(string campaignId) => Grains.GetGrain<IResultsGrain>(campaignId).GetAsync();
}
