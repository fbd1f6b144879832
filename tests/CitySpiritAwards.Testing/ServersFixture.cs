using Xunit;

namespace CitySpiritAwards.Testing;

/// <summary>
/// One real PostgreSQL and one Azurite blob service, started once for a test assembly and stopped after it.
/// </summary>
/// <remarks>
/// xunit only finds collection definitions in the test assembly itself, so each test project declares:
/// <code>
/// [CollectionDefinition(ServersCollection.Name)]
/// public sealed class ServersCollection : ICollectionFixture&lt;ServersFixture&gt;
/// {
///     public const string Name = "servers";
/// }
/// </code>
/// and puts tests in it with <c>[Collection(ServersCollection.Name)]</c>, taking <see cref="ServersFixture"/>
/// in their constructor. Give each test (or test class) its own database: <c>await servers.Postgres.CreateDatabaseAsync()</c>.
/// </remarks>
public class ServersFixture : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new();

    public AzuriteServer Azurite { get; } = new();

    /// <summary>Creates a database with the Orleans ADO.NET schema applied and returns its connection string.</summary>
    public async Task<string> CreateOrleansDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = await Postgres.CreateDatabaseAsync(cancellationToken: cancellationToken);
        await Postgres.ApplyOrleansSchemaAsync(connectionString, cancellationToken);
        return connectionString;
    }

    public virtual async Task InitializeAsync() =>
        await Task.WhenAll(Postgres.StartAsync(), Azurite.StartAsync());

    public virtual async Task DisposeAsync()
    {
        try
        {
            await Azurite.DisposeAsync();
        }
        finally
        {
            await Postgres.DisposeAsync();
        }
    }
}
