using CitySpiritAwards.Web.Identity;
using Hangfire;
using Orleans.Dashboard;

namespace CitySpiritAwards.Web.Hosting;

public static class AdminDashboards
{
    public const string OrleansPath = "/admin/orleans";
    public const string HangfirePath = "/admin/hangfire";

    /// <summary>The Orleans and Hangfire dashboards, for administrators only, and left out of the API's OpenAPI document.</summary>
    public static void MapAdminDashboards(this WebApplication app)
    {
        app.MapOrleansDashboard(OrleansPath).RequireAuthorization(Roles.Administrator).ExcludeFromDescription();
        // Endpoint authorization replaces Hangfire's own filters (which default to "local requests only").
        app.MapHangfireDashboard(HangfirePath, new Hangfire.DashboardOptions { Authorization = [], AppPath = "/" }, app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(Roles.Administrator).ExcludeFromDescription();
    }
}
