using Orleans.Configuration;

namespace CitySpiritAwards.Web.Hosting;

/// <summary>
/// How soon a cluster-mode silo finds a dead one dead. With Orleans' defaults a SIGKILLed silo stays Active in the membership
/// table for ~90 s (30 s heartbeats, 3 missed), and a silo joining on a new address (a replacement pod) waits as long: it
/// probes only silos whose heartbeat is stale or that are suspected, and it cannot join while an Active one does not answer.
/// Any <see cref="ClusterMembershipOptions"/> property can be set under "Orleans:Membership"; these are the defaults here.
/// </summary>
/// <remarks>
/// The trade-off: the sooner a silo that does not answer is declared dead, the likelier a slow but alive one is (a long GC, a
/// starved thread pool on a loaded machine); it then stops itself and its grains move. Dead processes are found fast because
/// their connections are refused or reset, so probes can be frequent; what protects a slow one is left as Orleans has it:
/// three probes must fail, the last through another silo, two silos must agree, timeouts grow with the prober's own load, and
/// no silo votes against one whose connection brought any message within <c>MaxProbeTimeout × NumMissedProbesLimit</c>.
/// </remarks>
public static class ClusterMembership
{
    public const string Section = "Orleans:Membership";

    public static void ConfigureClusterMembership(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            // Probe every second or so (Orleans: 5 s): a killed silo misses three probes in ~3 s.
            options.ProbeTimeout = TimeSpan.FromSeconds(1);
            // Orleans: 4 × ProbeTimeout. 8 s keeps a loaded prober patient, and a silo still sending anything safe for 24 s.
            options.MaxProbeTimeout = TimeSpan.FromSeconds(8);
            options.NumMissedProbesLimit = 3;
            options.NumVotesForDeathDeclaration = 2;
            // A heartbeat every 2 s, stale after 2 missed (Orleans: 30 s × 3): a joining silo probes a dead one after ~4 s.
            // Stale alone kills no one; it only makes every silo probe that one.
            options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
            options.NumMissedTableIAmAliveLimit = 2;
            // How often each silo reads the table and looks again for stale silos to probe (Orleans: 60 s).
            options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            // Only suspicions close in time add up to a death (Orleans: 2 min); longer than the 24 s above.
            options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        });
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(Section));
    }
}
