using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Campaigns;

/// <summary>What anyone may read of the campaigns.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/campaigns").WithTags("Campaigns");
        api.MapGet("", ListAsync).WithSummary("All campaigns, newest last.");
        api.MapGet("{id}", GetAsync).WithSummary("One campaign: its phase and schedule.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CampaignSummary>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await CampaignServices.LoadCampaignsAsync(grains));

    private static async Task<Results<Ok<CampaignSummary>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, IStringLocalizer<SharedResource> text)
    {
        var campaign = await grains.GetGrain<ICampaignGrain>(id).GetAsync();
        return campaign is null ? Problems.CampaignNotFound(text, id) : TypedResults.Ok(CampaignSummary.Of(campaign));
    }
}
