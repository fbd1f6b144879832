namespace CitySpiritAwards.Web.Campaigns;

/// <summary>The wiring of campaigns: creating them and the administrators' commands (the phase jobs are Hangfire's, see HangfireHosting).</summary>
public static class CampaignExtensions
{
    public static void AddCampaigns(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<CampaignCreator>();
        builder.Services.AddScoped<CampaignServices>();
    }
}
