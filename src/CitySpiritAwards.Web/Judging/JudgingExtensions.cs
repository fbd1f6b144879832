using CitySpiritAwards.Web.Identity;

namespace CitySpiritAwards.Web.Judging;

/// <summary>The policy for the chairs' pages and API: committee chairs and administrators.</summary>
public static class JudgingPolicies
{
    public const string Chair = "CommitteeChairOrAdministrator";
}

/// <summary>The wiring of committee judging: its services, jobs, the chairs' policy and its endpoints.</summary>
public static class JudgingExtensions
{
    public static void AddJudging(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<JudgingRoundJob>();
        builder.Services.AddTransient<CommitteeReminderJob>();
        builder.Services.AddHostedService<CommitteeReminderJobRegistration>();
        builder.Services.AddScoped<JudgingServices>();
        builder.Services.AddScoped<ChairServices>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(JudgingPolicies.Chair,
            policy => policy.RequireAuthenticatedUser().RequireRole(Roles.CommitteeChair, Roles.Administrator));
    }

    public static void MapJudging(this WebApplication app)
    {
        app.MapCommitteeApi();
        app.MapChairApi();
        app.MapRubricApi();
    }
}
