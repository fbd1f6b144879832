using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Apis;

/// <summary>What a visitor may see of a campaign.</summary>
public sealed record CampaignSummary(string Id, LocalizedText Name, LocalizedText Description, CampaignPhase Phase, CampaignSchedule Schedule)
{
    public CampaignOnShow OnShow => new(Id, Phase, Schedule);

    /// <summary>The campaigns in the order people should see them (<see cref="CampaignLineup.Order"/>): open ones first.</summary>
    public static IReadOnlyList<CampaignSummary> InLineup(IReadOnlyList<CampaignSummary> campaigns)
    {
        var byId = campaigns.ToDictionary(c => c.Id);
        return CampaignLineup.Order(campaigns.Select(c => c.OnShow)).Select(c => byId[c.Id]).ToList();
    }
}

public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder api)
    {
        api.MapGet("", ListAsync).WithSummary("All campaigns, newest last.");
        api.MapGet("{id}", GetAsync).WithSummary("One campaign: its phase and schedule.");
        return api;
    }

    public static async Task<IReadOnlyList<CampaignSummary>> LoadCampaignsAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync();
        var campaigns = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampaignGrain>(id).GetAsync()));
        return campaigns.OfType<CampaignSnapshot>().Select(Summarize).ToList();
    }

    private static async Task<Ok<IReadOnlyList<CampaignSummary>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await LoadCampaignsAsync(grains));

    private static async Task<Results<Ok<CampaignSummary>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, IStringLocalizer<SharedResource> text)
    {
        var campaign = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
        return campaign is null ? Problems.CampaignNotFound(text, id) : TypedResults.Ok(Summarize(campaign));
    }

    private static CampaignSummary Summarize(CampaignSnapshot c) => new(c.Id, c.Name, c.Description, c.Phase, c.Schedule);

}
