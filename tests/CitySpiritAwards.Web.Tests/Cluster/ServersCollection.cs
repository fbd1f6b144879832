using CitySpiritAwards.Testing;

namespace CitySpiritAwards.Web.Tests.Cluster;

/// <summary>One PostgreSQL and one Azurite for all of this assembly's tests that need real servers.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
