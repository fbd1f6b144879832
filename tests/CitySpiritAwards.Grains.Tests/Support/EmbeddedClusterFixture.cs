using CitySpiritAwards.Abstractions.Serialization;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Tallying;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Storage;
using CitySpiritAwards.Grains.Judging;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Storage.Nominations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Core.Internal;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CitySpiritAwards.Grains.Tests.Support;

/// <summary>
/// An in-process test cluster configured like the embedded site: grain state in local files, the read tables in a SQLite
/// file (whose writes a test can make fail, as a crash between a grain's two writes would), a fake clock.
/// </summary>
public sealed class EmbeddedClusterFixture : IAsyncLifetime
{
    // Silo configurators are created by type, so they reach the fixture's folder and clock through statics.
    internal static readonly string DataPath = Path.Combine(Path.GetTempPath(), "csa-grain-tests", Guid.NewGuid().ToString("N"));
    internal static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)));
    internal static readonly ReadTables ReadTables = CitySpiritAwards.Storage.ReadTables.Sqlite(Path.Combine(DataPath, "read-tables.db"));
    internal static readonly FaultyNominationIndex Index = new(new NominationIndex(ReadTables, TimeProvider.System));
    internal static readonly FaultyJudgingIndex Judging = new(new JudgingIndex(ReadTables, TimeProvider.System));

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The lists pages read, over the silo's read tables.</summary>
    public NominationQueries Nominations { get; } = new(ReadTables);

    public FaultyNominationIndex NominationIndex => Index;

    public FaultyJudgingIndex JudgingIndex => Judging;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        await ReadTables.MigrateAsync();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the read tables' file is closed before its folder goes
        if (Directory.Exists(DataPath))
            Directory.Delete(DataPath, recursive: true);
    }

    /// <summary>Drops the grain's activation, so the next call reads its state back from storage.</summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Yield();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSerializer(serializer => serializer.AddDomainTypes());
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
            silo.Services.AddFileGrainStorage(StorageNames.Awards, options => options.RootDirectory = DataPath);
            silo.Services.AddSingleton(new AwardsClock(Clock));
            silo.Services.AddSingleton(new KnownDistricts(["pudong", "huangpu", "xuhui"]));
            silo.Services.AddSingleton<ICountedVotes>(FakeCountedVotes.Instance);
            silo.Services.AddSingleton<INominationIndex>(Index);
            silo.Services.AddSingleton<IJudgingIndex>(Judging);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client) =>
            client.Services.AddSerializer(serializer => serializer.AddDomainTypes());
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedClusterCollection : ICollectionFixture<EmbeddedClusterFixture>
{
    public const string Name = "embedded cluster";
}
