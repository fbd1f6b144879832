using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CitySpiritAwards.Web.Photos;

/// <summary>Photos in one private Azure Blob Storage container (cluster mode; Azurite locally).</summary>
public sealed class BlobPhotoStore(BlobContainerClient container) : IPhotoStore
{
    public async Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        PhotoKeys.EnsureValid(key);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        try
        {
            await container.GetBlobClient(key).UploadAsync(content, options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound && content.CanSeek)
        {
            // A new storage account: the first photo makes the (private) container.
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            content.Position = 0;
            await container.GetBlobClient(key).UploadAsync(content, options, cancellationToken);
        }
    }

    public async Task<StoredPhoto?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        PhotoKeys.EnsureValid(key);
        try
        {
            var download = await container.GetBlobClient(key).DownloadStreamingAsync(cancellationToken: cancellationToken);
            var details = download.Value.Details;
            return new StoredPhoto(download.Value.Content, details.ContentType, details.ContentLength);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        PhotoKeys.EnsureValid(key);
        return await container.GetBlobClient(key).ExistsAsync(cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        PhotoKeys.EnsureValid(key);
        await container.GetBlobClient(key).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async IAsyncEnumerable<StoredPhotoInfo> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await container.ExistsAsync(cancellationToken))
            yield break;
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            yield return new StoredPhotoInfo(blob.Name, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
    }

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
