using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Grains.Tests;

/// <summary>
/// One PostgreSQL and one Azurite for all of this assembly's tests that need real servers. These tests start
/// real silos and servers, so they run on their own, after the in-process cluster tests rather than beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
