using CitySpiritAwards.Web.Identity;
using Hangfire;
using Orleans.Dashboard;

namespace CitySpiritAwards.Web.Hosting;

public static class AdminDashboards
{
    /// <summary>The Orleans and Hangfire dashboards, for administrators only.</summary>
    public static void MapAdminDashboards(this WebApplication app)
    {
        app.MapOrleansDashboard("/admin/orleans").RequireAuthorization(Roles.Administrator);
        // Endpoint authorization replaces Hangfire's own filters (which default to "local requests only").
        app.MapHangfireDashboard("/admin/hangfire", new Hangfire.DashboardOptions { Authorization = [], AppPath = "/" }, app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(Roles.Administrator);
    }
}
