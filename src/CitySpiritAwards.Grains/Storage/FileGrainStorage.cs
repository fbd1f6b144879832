using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace CitySpiritAwards.Grains.Storage;

public sealed class FileGrainStorageOptions
{
    /// <summary>The folder holding one file per grain state.</summary>
    public string RootDirectory { get; set; } = "data/grains";
}

/// <summary>
/// Grain storage in local files, for the embedded single-silo mode: state survives a restart without a
/// database server. Each write goes to a temporary file that then replaces the old one, so a crash mid-write
/// leaves the previous state intact. ETags guard against lost updates, as in the database providers.
/// Not for clusters: two silos on two machines do not share a disk.
/// </summary>
public sealed class FileGrainStorage(string name, FileGrainStorageOptions options, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const int EtagLength = 32;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathFor(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        grainState.ETag = Encoding.ASCII.GetString(bytes, 0, EtagLength);
        grainState.State = serializer.Deserialize<T>(new BinaryData(bytes.AsMemory(EtagLength)));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathFor(stateName, grainId);
        await EnsureETagMatchesAsync(path, grainState.ETag);

        var etag = Guid.NewGuid().ToString("N");
        var payload = serializer.Serialize(grainState.State);
        var temporary = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            await file.WriteAsync(Encoding.ASCII.GetBytes(etag));
            await file.WriteAsync(payload.ToMemory());
            await file.FlushAsync();
        }
        File.Move(temporary, path, overwrite: true);

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathFor(stateName, grainId);
        await EnsureETagMatchesAsync(path, grainState.ETag);
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task EnsureETagMatchesAsync(string path, string? expected)
    {
        string? stored = null;
        if (File.Exists(path))
        {
            var buffer = new byte[EtagLength];
            await using var file = File.OpenRead(path);
            await file.ReadExactlyAsync(buffer);
            stored = Encoding.ASCII.GetString(buffer);
        }
        if (stored != expected)
            throw new InconsistentStateException($"Grain state in '{name}' changed underneath this activation.", stored ?? "", expected ?? "");
    }

    // Grain ids may hold any characters; the file name is a hash, the folder names the grain type for people reading the disk.
    private string PathFor(string stateName, GrainId grainId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{stateName}/{grainId}")));
        var type = new string(grainId.Type.ToString()!.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return Path.Combine(options.RootDirectory, type, hash[..2], hash + ".bin");
    }
}

public static class FileGrainStorageExtensions
{
    public static IServiceCollection AddFileGrainStorage(this IServiceCollection services, string name, Action<FileGrainStorageOptions> configure)
    {
        services.AddOptions<FileGrainStorageOptions>(name).Configure(configure);
        return services.AddGrainStorage(name, (provider, storageName) => new FileGrainStorage(
            storageName,
            provider.GetRequiredService<IOptionsMonitor<FileGrainStorageOptions>>().Get(storageName),
            new OrleansGrainStorageSerializer(provider.GetRequiredService<Orleans.Serialization.Serializer>())));
    }
}
