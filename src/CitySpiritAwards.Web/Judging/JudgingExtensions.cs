namespace CitySpiritAwards.Web.Judging;

/// <summary>The wiring of committee judging: its jobs, the chairs' policy and its endpoints.</summary>
public static class JudgingExtensions
{
    public static void AddJudging(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<JudgingRoundJob>();
        builder.Services.AddScoped<JudgingServices>();
    }

    public static void MapJudging(this WebApplication app)
    {
        app.MapCommitteeApi();
    }
}
