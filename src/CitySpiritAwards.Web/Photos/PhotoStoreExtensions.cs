using Azure.Storage.Blobs;
using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Photos.Processing;

namespace CitySpiritAwards.Web.Photos;

public static class PhotoStoreExtensions
{
    public const string ContainerName = "photos";

    /// <summary>
    /// The photos: what checks and shrinks an upload and files it under its nomination, the store (a blob container,
    /// or a folder in embedded mode) and the sweep of photos no nomination kept.
    /// </summary>
    public static void AddPhotoStore(this WebApplicationBuilder builder, HostingOptions hosting)
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
