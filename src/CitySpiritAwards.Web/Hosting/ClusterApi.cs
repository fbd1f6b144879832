using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitySpiritAwards.Web.Hosting;

public sealed record ClusterMember(string Address, string Status);

/// <summary>The Orleans cluster as administrators see it (the group requires the Administrator role).</summary>
public static class ClusterApi
{
    public static RouteGroupBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/admin/cluster").WithTags("Administration").RequireAuthorization(Roles.Administrator);
        api.MapGet("", ListSilosAsync).WithSummary("The silos of the Orleans cluster and their status.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ClusterMember>>> ListSilosAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        return TypedResults.Ok<IReadOnlyList<ClusterMember>>(
            hosts.Select(h => new ClusterMember(h.Key.ToParsableString(), h.Value.ToString())).OrderBy(m => m.Address).ToList());
    }
}
