using CitySpiritAwards.Abstractions.Serialization;
using CitySpiritAwards.Grains.Campaigns;
using CitySpiritAwards.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace CitySpiritAwards.Grains.Tests.Storage;

public sealed class FileGrainStorageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "csa-file-storage", Guid.NewGuid().ToString("N"));
    private readonly FileGrainStorage _storage;
    private readonly GrainId _grainId = GrainId.Create("campaign", "demo");

    public FileGrainStorageTests()
    {
        var serializer = new ServiceCollection()
            .AddSerializer(builder => builder.AddDomainTypes())
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
        _storage = new FileGrainStorage("test", new FileGrainStorageOptions { RootDirectory = _root }, new OrleansGrainStorageSerializer(serializer));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private static GrainState<CampaignDirectoryState> State(params string[] ids) =>
        new(new CampaignDirectoryState { CampaignIds = ids.ToList() });

    [Fact]
    public async Task Reading_what_was_never_written_gives_empty_state()
    {
        var state = State();

        await _storage.ReadStateAsync("campaigns", _grainId, state);

        Assert.False(state.RecordExists);
        Assert.Empty(state.State!.CampaignIds);
    }

    [Fact]
    public async Task What_is_written_is_read_back_by_a_new_storage_instance()
    {
        var written = State("spring-2027", "autumn-2027");
        await _storage.WriteStateAsync("campaigns", _grainId, written);

        var again = new FileGrainStorage("test", new FileGrainStorageOptions { RootDirectory = _root },
            new OrleansGrainStorageSerializer(new ServiceCollection().AddSerializer(b => b.AddDomainTypes()).BuildServiceProvider().GetRequiredService<Serializer>()));
        var read = State();
        await again.ReadStateAsync("campaigns", _grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(["spring-2027", "autumn-2027"], read.State!.CampaignIds);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_from_a_stale_copy_is_refused_and_the_newer_state_kept()
    {
        var first = State("a");
        await _storage.WriteStateAsync("campaigns", _grainId, first);
        var stale = State("stale");
        stale.ETag = first.ETag;
        first.State!.CampaignIds.Add("b");
        await _storage.WriteStateAsync("campaigns", _grainId, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("campaigns", _grainId, stale));

        var read = State();
        await _storage.ReadStateAsync("campaigns", _grainId, read);
        Assert.Equal(["a", "b"], read.State!.CampaignIds);
    }

    [Fact]
    public async Task A_half_written_temporary_file_from_a_crash_does_not_replace_the_stored_state()
    {
        await _storage.WriteStateAsync("campaigns", _grainId, State("kept"));
        var stored = Directory.EnumerateFiles(_root, "*.bin", SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(stored + ".tmp", "garbage from a crash mid-write");

        var read = State();
        await _storage.ReadStateAsync("campaigns", _grainId, read);

        Assert.Equal(["kept"], read.State!.CampaignIds);
    }

    [Fact]
    public async Task Clearing_removes_the_state()
    {
        var state = State("gone");
        await _storage.WriteStateAsync("campaigns", _grainId, state);

        await _storage.ClearStateAsync("campaigns", _grainId, state);

        var read = State();
        await _storage.ReadStateAsync("campaigns", _grainId, read);
        Assert.False(read.RecordExists);
    }
}
