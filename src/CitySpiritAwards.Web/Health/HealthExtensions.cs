using System.Text.Json;
using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Photos;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CitySpiritAwards.Web.Health;

/// <summary>
/// /health/live: the process answers (for restarts). /health/ready: the database, the photo store and the
/// Orleans cluster all work (for load balancers), with each part's status in the JSON body.
/// </summary>
public static class HealthExtensions
{
    private const string Ready = "ready";

    public static void AddAwardsHealthChecks(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<PhotoStoreHealthCheck>("photos", tags: [Ready])
            .AddCheck<ClusterHealthCheck>("cluster", tags: [Ready]);
    }

    public static void MapAwardsHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteJson });
    }

    /// <summary>
    /// The status of each part; what each part is and says (provider names, silo counts) only to administrators, so an
    /// anonymous prober learns nothing about how the site is built.
    /// </summary>
    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        var detailed = context.User.IsInRole(Roles.Administrator);
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = detailed ? e.Value.Description : null }),
        }));
    }
}

internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable");
        }
    }
}

internal sealed class PhotoStoreHealthCheck(IPhotoStore photos) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await photos.IsAvailableAsync(cancellationToken)
            ? HealthCheckResult.Healthy(photos.GetType().Name)
            : HealthCheckResult.Unhealthy("photo store unavailable");
}

internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("cluster unreachable");
        }
    }
}
