using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySpiritAwards.Web.Apis;

/// <summary>What a visitor may see of a campaign.</summary>
public sealed record CampaignSummary(string Id, LocalizedText Name, LocalizedText Description, CampaignPhase Phase, CampaignSchedule Schedule);

/// <summary>A nomination as the public sees it: never the nominator, never the nominee's contact.</summary>
public sealed record PublicNomination(string Id, string CategoryId, string DistrictId, string NomineeName, string Relationship, string? StoryZh, string? StoryEn)
{
    public static PublicNomination From(NominationView n) =>
        new(n.Id, n.Draft.CategoryId, n.Draft.DistrictId, n.Draft.NomineeName, n.Draft.Relationship, n.Draft.StoryZh, n.Draft.StoryEn);
}

public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder api)
    {
        api.MapGet("", ListAsync).WithSummary("All campaigns, newest last.");
        api.MapGet("{id}", GetAsync).WithSummary("One campaign: its phase and schedule.");
        api.MapGet("{id}/nominations", ListNominationsAsync).WithSummary("The campaign's public nominations (approved, with the nominee's consent).");
        return api;
    }

    public static async Task<IReadOnlyList<CampaignSummary>> LoadCampaignsAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync();
        var campaigns = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampaignGrain>(id).GetAsync()));
        return campaigns.OfType<CampaignSnapshot>().Select(Summarize).ToList();
    }

    public static async Task<IReadOnlyList<PublicNomination>> LoadPublicNominationsAsync(IGrainFactory grains, CampaignSnapshot campaign)
    {
        var nominations = await grains.LoadNominationsAsync(campaign.NominationIds);
        return nominations.Where(n => n.IsPublic).Select(PublicNomination.From).ToList();
    }

    private static async Task<Ok<IReadOnlyList<CampaignSummary>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await LoadCampaignsAsync(grains));

    private static async Task<Results<Ok<CampaignSummary>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        var campaign = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
        return campaign is null ? CampaignNotFound(id) : TypedResults.Ok(Summarize(campaign));
    }

    private static async Task<Results<Ok<IReadOnlyList<PublicNomination>>, ProblemHttpResult>> ListNominationsAsync(string id, IGrainFactory grains)
    {
        var campaign = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
        return campaign is null ? CampaignNotFound(id) : TypedResults.Ok(await LoadPublicNominationsAsync(grains, campaign));
    }

    private static CampaignSummary Summarize(CampaignSnapshot c) => new(c.Id, c.Name, c.Description, c.Phase, c.Schedule);

    internal static ProblemHttpResult CampaignNotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such campaign / 没有这个评选活动",
        detail: $"There is no campaign '{id}'.");
}
