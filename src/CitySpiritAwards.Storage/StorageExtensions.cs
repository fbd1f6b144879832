using CitySpiritAwards.Grains.Judging;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Storage.Repair;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Storage;

public static class StorageExtensions
{
    /// <summary>The read tables in <paramref name="tables"/>: the grains' writers, the queries pages use, the repair.</summary>
    public static IServiceCollection AddReadTables(this IServiceCollection services, ReadTables tables)
    {
        services.AddSingleton(tables);
        services.AddSingleton<INominationIndex, NominationIndex>();
        services.AddSingleton<NominationQueries>();
        services.AddSingleton<IJudgingIndex, JudgingIndex>();
        services.AddSingleton<JudgingQueries>();
        services.AddSingleton<ReadTableRepair>();
        return services;
    }
}
