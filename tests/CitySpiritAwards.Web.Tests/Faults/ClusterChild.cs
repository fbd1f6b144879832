using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;

namespace CitySpiritAwards.Web.Tests.Faults;

/// <summary>
/// A silo of a test's cluster as a process of its own (<see cref="SiteProcess"/>), so it can be SIGKILLed. Every start
/// takes new HTTP, silo and gateway ports: a restart comes back on a new address, as a replacement pod does.
/// </summary>
public static class ClusterChild
{
    /// <param name="migrate">Whether it updates the schema at start; a pod does not (the migrate Job has).</param>
    public static Task<SiteProcess> StartAsync(ServersFixture servers, string postgres, bool migrate = true) =>
        SiteProcess.StartAsync(new Dictionary<string, string?>(ClusterVotingTests.Settings)
        {
            ["CitySpiritAwards:Mode"] = "Cluster",
            ["CitySpiritAwards:MigrateOnStartup"] = migrate ? "true" : "false",
            ["CitySpiritAwards:SeedDemo"] = "false",
            ["ConnectionStrings:Postgres"] = postgres,
            ["ConnectionStrings:Blobs"] = servers.Azurite.ConnectionString,
            ["Fraud:Cron"] = AwardsAppFactory.NeverCron, // as in every test site (see AwardsAppFactory)
        });
}
