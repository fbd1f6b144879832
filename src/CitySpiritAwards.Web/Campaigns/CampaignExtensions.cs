namespace CitySpiritAwards.Web.Campaigns;

public static class CampaignExtensions
{
    /// <summary>
    /// Campaigns: making one from the administrators' form, the administrators' commands, and the Hangfire job that moves
    /// phases on schedule.
    /// </summary>
    public static void AddCampaigns(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<CampaignCreator>();
        builder.Services.AddScoped<CampaignServices>();
        builder.Services.AddTransient<CampaignPhaseJob>();
        builder.Services.AddHostedService<CampaignPhaseJobRegistration>();
    }
}
