namespace CitySpiritAwards.Web.Hosting;

public static class SecurityHeaders
{
    /// <summary>
    /// Headers on every response. Pages ship no inline script; the dashboards under /admin bring their own
    /// scripts and styles, so they get a looser policy behind the administrator check.
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
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/admin")
                    ? "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
                    : "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";
                if (hsts.Count > 0)
                    headers.StrictTransportSecurity = hsts;
                return Task.CompletedTask;
            });
            await next();
        });
}
