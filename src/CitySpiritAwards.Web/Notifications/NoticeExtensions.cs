namespace CitySpiritAwards.Web.Notifications;

/// <summary>The wiring of the emails the site sends people about their own things.</summary>
public static class NoticeExtensions
{
    public static void AddNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<NominatorNoticeJob>();
        builder.Services.AddTransient<CampaignNoticeJob>();
        builder.Services.AddTransient<CampaignNoticeQueue>();
        builder.Services.AddScoped<NoticeQueue>();
    }
}
