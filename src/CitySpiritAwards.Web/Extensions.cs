using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Categories;
using CitySpiritAwards.Web.Fraud;
using CitySpiritAwards.Web.Health;
using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Judging;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Notifications;
using CitySpiritAwards.Web.Gallery;
using CitySpiritAwards.Web.Photos;
using CitySpiritAwards.Web.Tallying;
using CitySpiritAwards.Web.Seeding;
using CitySpiritAwards.Web.Voting;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.HttpOverrides;

namespace CitySpiritAwards.Web;

/// <summary>All of the app's wiring, so Program.cs reads as the outline it is.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var hosting = HostingOptions.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(hosting);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Logging.AddJsonConsoleWhenConfigured(builder.Configuration);
        builder.AddAwardsOrleans(hosting);      // Orleans before Hangfire: hosted services start in order.
        builder.AddAwardsHangfire(hosting);
        builder.AddAwardsIdentity(hosting);
        builder.AddAwardsLocalization();
        builder.AddPhotos(hosting);
        builder.AddSeeding();
        builder.AddCampaigns();
        builder.AddNominations();
        builder.AddAwardsReadTables(hosting); // after the seed loader, which AddSeeding registered
        builder.AddJudging();
        builder.AddNotices();
        builder.AddAwardsVoting(hosting);
        builder.AddFraudReview(hosting);
        builder.AddResults(hosting);
        builder.AddAwardsHealthChecks(hosting);

        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Account/Manage"))
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddRouting(options => options.LowercaseUrls = true);
        // Chinese text goes out as UTF-8 characters, not as &#x…; entities (still HTML-encoded where it matters).
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(options => options.HeaderName = "X-CSRF-TOKEN");
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Behind a proxy that is not on loopback (compose, Kubernetes ingress), trust its network so the
            // client's own address (rate limits, fraud signals) is seen rather than the proxy's.
            foreach (var network in builder.Configuration.GetSection("Proxy:TrustedNetworks").Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseSecurityHeaders(); // before the error handlers, so error answers get the headers too
        // The API answers errors with problem+json; pages with a readable page in the reader's language.
        app.UseWhen(IsApiRequest, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApiRequest(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();   // after authentication: the "vote" policy limits per account as well as per network
        app.UseAuthorization();
    }

    private static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health");

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapAwardsHealthChecks();
        app.MapPreferences();
        app.MapCategoriesApi();
        app.MapDistrictsApi();
        app.MapCampaignsApi();
        app.MapNominationsApi();
        app.MapGalleryApi();
        app.MapPhotoEndpoints();
        app.MapFavicon();
        app.MapJudging();
        app.MapVotingApi();
        app.MapFraudReview();
        app.MapResults();
        app.MapCampaignAdminApi();
        app.MapClusterApi();
        app.MapGroup("api/admin/accounts").MapAccountRolesApi().WithTags("Administration").RequireAuthorization(Roles.Administrator);
        app.MapAdminDashboards();
        app.MapRazorPages();
    }
}
