using Azure.Storage.Blobs;
using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Photos.Processing;

namespace CitySpiritAwards.Web.Photos;

public static class PhotoStoreExtensions
{
    public const string ContainerName = "photos";

    /// <summary>Photos: the checks and re-encoding, the store (disk when embedded, Blob Storage in a cluster), the sweep of orphans.</summary>
    public static void AddPhotos(this WebApplicationBuilder builder, HostingOptions hosting)
    {
        builder.Services.AddSingleton<PhotoProcessor>();
        builder.Services.AddSingleton<NominationPhotoFiles>();
        builder.Services.AddTransient<OrphanPhotoSweep>();
        builder.Services.AddHostedService<OrphanPhotoSweepRegistration>();
        if (hosting.IsEmbedded)
        {
            builder.Services.AddSingleton<IPhotoStore>(new LocalDiskPhotoStore(hosting.DataFolder("photos")));
            return;
        }
        var connectionString = HostingOptions.BlobConnectionString(builder.Configuration);
        builder.Services.AddSingleton<IPhotoStore>(new BlobPhotoStore(new BlobContainerClient(connectionString, ContainerName)));
    }
}
