using Azure.Storage.Blobs;
using CitySpiritAwards.Web.Hosting;

namespace CitySpiritAwards.Web.Photos;

public static class PhotoStoreExtensions
{
    public const string ContainerName = "photos";

    public static void AddPhotoStore(this WebApplicationBuilder builder, HostingOptions hosting)
    {
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
