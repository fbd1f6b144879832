using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Web.Tests.Cluster;

/// <summary>One PostgreSQL and one Azurite for all of this assembly's tests that need real servers.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}

/// <summary>
/// The crash-recovery tests, which time how soon a cluster answers again after a silo is killed: run alone, after every
/// other collection (DisableParallelization), so the time measured is the cluster's and not other tests' load on two cores.
/// They get servers of their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RecoveryCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "recovery";
}
