namespace CitySpiritAwards.Grains.Tests.Cluster;

/// <summary>A tiny grain that touches every Orleans ADO.NET provider: grain state, reminders, and (by living in a silo) membership.</summary>
[Alias("CitySpiritAwards.Grains.Tests.Cluster.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("Write")]
    Task WriteAsync(string note);

    [Alias("Read")]
    Task<ProbeReading> ReadAsync();

    [Alias("Clear")]
    Task ClearAsync();

    [Alias("Deactivate")]
    Task DeactivateAsync();
}

/// <summary>What the grain holds, and which activation answered (a new activation had to read storage).</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.Grains.Tests.Cluster.ProbeReading")]
public sealed record ProbeReading(
    [property: Id(0)] string? Note,
    [property: Id(1)] bool RecordExists,
    [property: Id(2)] Guid Activation);

[GenerateSerializer, Alias("CitySpiritAwards.Grains.Tests.Cluster.ProbeState")]
public sealed class ProbeState
{
    [Id(0)]
    public string? Note { get; set; }
}

public sealed class ProbeGrain([PersistentState("probe", ProbeGrain.StorageName)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain
{
    public const string StorageName = "probe-store";

    private readonly Guid _activation = Guid.NewGuid();

    public Task WriteAsync(string note)
    {
        state.State.Note = note;
        return state.WriteStateAsync();
    }

    public Task<ProbeReading> ReadAsync() => Task.FromResult(new ProbeReading(state.State.Note, state.RecordExists, _activation));

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
