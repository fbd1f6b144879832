using System.Security.Claims;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySpiritAwards.Web.Apis;

public sealed record ClusterMember(string Address, string Status);
public sealed record AdvancePhaseRequest(CampaignPhase Phase);

/// <summary>Administrator-only operations (the group requires the Administrator role).</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        api.MapGet("cluster", ListSilosAsync).WithSummary("The silos of the Orleans cluster and their status.");
        api.MapPost("campaigns/{id}/phase", AdvancePhaseAsync)
            .WithSummary("Moves a campaign into the next phase early. Asking for a phase already reached changes nothing.");
        api.MapGet("campaigns/{id}/audit", AuditLogAsync).WithSummary("Who or what changed the campaign, and when.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ClusterMember>>> ListSilosAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        return TypedResults.Ok<IReadOnlyList<ClusterMember>>(
            hosts.Select(h => new ClusterMember(h.Key.ToParsableString(), h.Value.ToString())).OrderBy(m => m.Address).ToList());
    }

    private static async Task<Results<Ok<PhaseChangeResult>, ProblemHttpResult>> AdvancePhaseAsync(
        string id, AdvancePhaseRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        if (await campaign.GetAsync() is null)
            return CampaignsApi.CampaignNotFound(id);
        var result = await campaign.AdvanceToAsync(request.Phase, $"admin:{user.Identity?.Name}");
        return result.Outcome == PhaseTransition.SkipNotAllowed
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Phases cannot be skipped / 不能跳过阶段",
                detail: $"The campaign is in {result.Phase}; the next phase is {PhaseRules.Next(result.Phase)}.")
            : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> AuditLogAsync(string id, IGrainFactory grains)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        return await campaign.GetAsync() is null
            ? CampaignsApi.CampaignNotFound(id)
            : TypedResults.Ok(await campaign.GetAuditLogAsync());
    }
}
