namespace CitySpiritAwards.Web.Photos;

/// <summary>Photos as files under the data folder (embedded mode). The content type is kept in a small side file.</summary>
public sealed class LocalDiskPhotoStore(string rootDirectory) : IPhotoStore
{
    public async Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Each write goes to a file of its own and is then renamed into place, so two requests saving the same photo
        // at once (a double submit) both succeed, and a reader never sees half a file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = File.Create(temporary))
            await content.CopyToAsync(file, cancellationToken);
        await File.WriteAllTextAsync(temporary + ".type", contentType, cancellationToken);
        File.Move(temporary + ".type", path + ".type", overwrite: true);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<StoredPhoto?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (!File.Exists(path))
            return Task.FromResult<StoredPhoto?>(null);
        var contentType = File.Exists(path + ".type") ? File.ReadAllText(path + ".type") : "application/octet-stream";
        var stream = File.OpenRead(path);
        return Task.FromResult<StoredPhoto?>(new StoredPhoto(stream, contentType, stream.Length));
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathFor(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        File.Delete(path);
        File.Delete(path + ".type");
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredPhotoInfo> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        if (!Directory.Exists(rootDirectory))
            yield break;
        foreach (var path in Directory.EnumerateFiles(rootDirectory, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(rootDirectory, path).Replace(Path.DirectorySeparatorChar, '/');
            // Side files (content type) and writes in progress are not photos.
            if (key.StartsWith(prefix, StringComparison.Ordinal) && PhotoKeys.IsValid(key) && !key.EndsWith(".type", StringComparison.Ordinal) && !key.EndsWith(".tmp", StringComparison.Ordinal))
                yield return new StoredPhotoInfo(key, File.GetLastWriteTimeUtc(path));
        }
    }

    public Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(rootDirectory);
            var probe = Path.Combine(rootDirectory, ".ready-probe");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return Task.FromResult(true);
        }
        catch (IOException)
        {
            return Task.FromResult(false);
        }
        catch (UnauthorizedAccessException)
        {
            return Task.FromResult(false);
        }
    }

    private string PathFor(string key)
    {
        PhotoKeys.EnsureValid(key);
        return Path.Combine(rootDirectory, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
