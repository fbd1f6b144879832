using Azure.Storage.Blobs;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Photos;
using CitySpiritAwards.Web.Tests.Cluster;

namespace CitySpiritAwards.Web.Tests.Photos;

/// <summary>The same expectations of both photo stores: the embedded one on disk and the cluster one in Azurite.</summary>
public abstract class PhotoStoreContract
{
    protected abstract IPhotoStore Store { get; }

    private static string NewKey() => $"nominations/{Guid.NewGuid():N}/display.jpg";

    [Fact]
    public async Task A_saved_photo_comes_back_with_its_bytes_and_content_type()
    {
        var key = NewKey();
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        await Store.SaveAsync(key, new MemoryStream(bytes), "image/jpeg", CancellationToken.None);
        var photo = await Store.OpenAsync(key, CancellationToken.None);

        Assert.NotNull(photo);
        await using var content = photo.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(bytes.Length, photo.Length);
    }

    [Fact]
    public async Task A_missing_photo_is_null_and_a_deleted_one_is_gone()
    {
        var key = NewKey();
        await Store.SaveAsync(key, new MemoryStream([1, 2, 3]), "image/png", CancellationToken.None);

        Assert.True(await Store.ExistsAsync(key, CancellationToken.None));

        await Store.DeleteAsync(key, CancellationToken.None);

        Assert.False(await Store.ExistsAsync(key, CancellationToken.None));
        Assert.Null(await Store.OpenAsync(key, CancellationToken.None));
        Assert.Null(await Store.OpenAsync(NewKey(), CancellationToken.None));
    }

    [Fact]
    public async Task A_listing_names_the_photos_under_a_prefix_with_their_time()
    {
        var folder = $"nominations/{Guid.NewGuid():N}";
        await Store.SaveAsync($"{folder}/a-thumb.jpg", new MemoryStream([1]), "image/jpeg", CancellationToken.None);
        await Store.SaveAsync($"{folder}/a-display.jpg", new MemoryStream([2]), "image/jpeg", CancellationToken.None);
        await Store.SaveAsync($"elsewhere/{Guid.NewGuid():N}.jpg", new MemoryStream([3]), "image/jpeg", CancellationToken.None);

        var listed = new List<StoredPhotoInfo>();
        await foreach (var photo in Store.ListAsync(folder + "/", CancellationToken.None))
            listed.Add(photo);

        Assert.Equal([$"{folder}/a-display.jpg", $"{folder}/a-thumb.jpg"], listed.Select(p => p.Key).Order());
        Assert.All(listed, p => Assert.InRange(p.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    [Fact]
    public async Task The_same_photo_saved_twice_at_once_is_stored_once_without_an_error()
    {
        var key = NewKey();
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store.SaveAsync(key, new MemoryStream(bytes), "image/jpeg", CancellationToken.None))));

        var photo = await Store.OpenAsync(key, CancellationToken.None);
        await using var content = photo!.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("nominations/Upper.jpg")]
    [InlineData("nominations/a b.jpg")]
    public async Task Keys_that_could_escape_the_store_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(key, new MemoryStream([1]), "image/jpeg", CancellationToken.None));
    }

    [Fact]
    public async Task The_store_reports_itself_available()
    {
        Assert.True(await Store.IsAvailableAsync(CancellationToken.None));
    }
}

public sealed class LocalDiskPhotoStoreTests : PhotoStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "csa-photos", Guid.NewGuid().ToString("N"));

    public LocalDiskPhotoStoreTests() => Store = new LocalDiskPhotoStore(_root);

    protected override IPhotoStore Store { get; }

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}

[Collection(ServersCollection.Name)]
public sealed class BlobPhotoStoreTests : PhotoStoreContract
{
    private readonly BlobContainerClient _container;
    private readonly string _connectionString;

    public BlobPhotoStoreTests(ServersFixture servers)
    {
        _connectionString = servers.Azurite.ConnectionString;
        _container = new BlobContainerClient(servers.Azurite.ConnectionString, $"photos-{Guid.NewGuid():N}");
        var store = new BlobPhotoStore(_container);
        store.IsAvailableAsync(CancellationToken.None).GetAwaiter().GetResult(); // creates the container
        Store = store;
    }

    protected override IPhotoStore Store { get; }

    [Fact]
    public async Task The_first_photo_makes_a_private_container_when_there_is_none()
    {
        var fresh = new BlobContainerClient(_connectionString, $"photos-{Guid.NewGuid():N}");
        var store = new BlobPhotoStore(fresh);

        await store.SaveAsync("nominations/first/photo.jpg", new MemoryStream([1, 2, 3]), "image/jpeg", CancellationToken.None);

        Assert.True(await store.ExistsAsync("nominations/first/photo.jpg", CancellationToken.None));
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, (await fresh.GetAccessPolicyAsync()).Value.BlobPublicAccess);
    }

    [Fact]
    public async Task The_container_allows_no_anonymous_reads()
    {
        var policy = await _container.GetAccessPolicyAsync();

        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, policy.Value.BlobPublicAccess);
    }
}
