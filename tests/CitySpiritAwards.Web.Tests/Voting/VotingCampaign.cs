using System.Net;
using System.Net.Http.Json;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>
/// A campaign of its own for a voting test: created through the grains, its shortlists published directly
/// (as the committee side will), and moved phase by phase to <see cref="CampaignPhase.PublicVoting"/>.
/// </summary>
public sealed record VotingCampaign(string Id, IReadOnlyDictionary<string, IReadOnlyList<string>> Entries, IGrainFactory Grains)
{
    public const string ResidentPassword = "Voting-pass-1";

    public IReadOnlyList<string> In(string categoryId) => Entries[categoryId];

    public static async Task<VotingCampaign> CreateAsync(
        AwardsAppFactory app, CampaignSettings? settings = null, int entriesPerCategory = 3,
        CampaignPhase phase = CampaignPhase.PublicVoting, bool withNominations = false)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var id = $"vote-{Guid.NewGuid():N}"[..20];
        var start = DateTimeOffset.UtcNow.AddDays(30); // all phases scheduled ahead: only the test moves them
        var schedule = new CampaignSchedule(CampaignSchedule.ScheduledPhases.Select((p, i) => new PhaseWindow(p, start.AddDays(i))).ToList());
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        await campaign.CreateAsync(new NewCampaign(
            new LocalizedText("测试投票", "Test vote"), new LocalizedText("投票测试活动", "A campaign for voting tests"),
            schedule, settings ?? CampaignSettings.Default), "test");

        var entries = new Dictionary<string, IReadOnlyList<string>>();
        var number = 0;
        foreach (var category in CategoryIds.All)
        {
            var ids = Enumerable.Range(0, entriesPerCategory).Select(i => $"{category}-{i}-{Guid.NewGuid():N}"[..30]).ToList();
            if (withNominations)
            {
                foreach (var entry in ids)
                    await ImportAsync(grains, id, category, entry, ++number);
            }
            await grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(id, category))
                .PublishAsync(ids.Select((e, i) => new ShortlistedEntry(e, i + 1, 1.0 - i * 0.1, 8m, 3)).ToList(), "test");
            entries[category] = ids;
        }
        var result = new VotingCampaign(id, entries, grains);
        await result.AdvanceToAsync(phase);
        return result;
    }

    public async Task AdvanceToAsync(CampaignPhase phase)
    {
        var campaign = Grains.GetGrain<ICampaignGrain>(Id);
        while ((await campaign.GetAsync())!.Phase < phase)
            await campaign.AdvanceToAsync((await campaign.GetAsync())!.Phase + 1, "test");
    }

    private static Task ImportAsync(IGrainFactory grains, string campaignId, string category, string entryId, int number) =>
        grains.GetGrain<INominationGrain>(entryId).ImportApprovedAsync(new NominationSubmission(campaignId, "test-nominator", new NominationDraft(
            category, "huangpu", $"测试候选人{number:00}", Relationships.Neighbour,
            $"测试候选人{number:00}每个周末在弄堂口开设修理摊，免费为邻居修理小家电，还手把手教孩子们动手修理自己的玩具和自行车，二十年从未间断。",
            $"Test nominee {number:00} has run a free repair stall at the lane entrance every weekend for twenty years, teaching children to mend their own toys and bicycles.",
            $"nominee{number}@example.org", 0), PhotoIds: []), "test");

    /// <summary>A new confirmed resident signed in through the real pages; the client keeps the sign-in cookie.</summary>
    public static async Task<HttpClient> ResidentAsync(AwardsAppFactory app, string culture = "en")
    {
        var browser = new AccountBrowser(app, culture);
        var email = AccountBrowser.NewEmail("voter");
        await browser.RegisterAndConfirmAsync(email, ResidentPassword);
        var signedIn = await browser.SignInAsync(email, ResidentPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser.Client;
    }

    /// <summary>The sign-in cookie of a resident signed in on <paramref name="app"/>, to use the same account through another instance.</summary>
    public static async Task<string> ResidentCookieAsync(AwardsAppFactory app)
    {
        var browser = new AccountBrowser(app);
        var email = AccountBrowser.NewEmail("voter");
        await browser.RegisterAndConfirmAsync(email, ResidentPassword);
        var signedIn = await browser.SignInAsync(email, ResidentPassword);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".CitySpiritAwards.Account=")).Split(';')[0];
    }

    public Task<HttpResponseMessage> VoteAsync(HttpClient client, string entryId, string culture = "en") =>
        client.PostAsJsonAsync($"/api/campaigns/{Id}/votes?culture={culture}", new { entryId });
}
