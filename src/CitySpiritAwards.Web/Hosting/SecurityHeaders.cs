namespace CitySpiritAwards.Web.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers on every response. Pages ship no inline script (the administrators' pages included); the Orleans and
    /// Hangfire dashboards bring their own inline scripts and styles, so they alone get a looser policy, behind the
    /// administrator check. Forms may only post to this site, and no page may change its base address.
    /// </summary>
    /// <remarks>
    /// Written when the response starts, so they are on error answers too: the exception handler clears every header before
    /// it writes its page or problem+json. For the same reason the HSTS header that <c>UseHsts</c> (placed just before) set
    /// is put back if it was cleared.
    /// </remarks>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var hsts = context.Response.Headers.StrictTransportSecurity;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers.ContentSecurityPolicy = IsDashboard(context.Request.Path)
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'self'; frame-ancestors 'none'"
                    : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";
                if (hsts.Count > 0)
                    headers.StrictTransportSecurity = hsts;
                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>The Orleans and Hangfire dashboards (<see cref="AdminDashboards"/>): the only pages with inline script; the administrators' own pages have none.</summary>
    public static bool IsDashboard(PathString path) =>
        path.StartsWithSegments(AdminDashboards.OrleansPath) || path.StartsWithSegments(AdminDashboards.HangfirePath);
}
