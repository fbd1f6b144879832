namespace CitySpiritAwards.Grains.Nominations;

/// <summary>The district ids nominations may name (Shanghai's 16, from seeds/districts.json), registered by the host.</summary>
public sealed class KnownDistricts(IEnumerable<string> ids)
{
    public IReadOnlyList<string> Ids { get; } = ids.ToList();
}
