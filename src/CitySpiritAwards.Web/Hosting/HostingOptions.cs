namespace CitySpiritAwards.Web.Hosting;

public enum HostingMode
{
    /// <summary>One co-hosted silo, everything in local files: no server needed.</summary>
    Embedded,
    /// <summary>Several silos sharing PostgreSQL and Azure Blob Storage.</summary>
    Cluster,
}

/// <summary>How this instance runs, read from the "CitySpiritAwards" configuration section.</summary>
public sealed class HostingOptions
{
    public const string Section = "CitySpiritAwards";

    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>Embedded mode's folder for accounts, grain state, photos and the email outbox. Relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Create or update the database schema at startup (cluster mode). The "migrate" command does the same and exits.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public bool IsEmbedded => Mode == HostingMode.Embedded;

    public static HostingOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(Section).Get<HostingOptions>() ?? new HostingOptions();
        options.DataPath = Path.GetFullPath(options.DataPath, environment.ContentRootPath);
        return options;
    }

    public string DataFolder(string name)
    {
        var path = Path.Combine(DataPath, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres")
        ?? throw new InvalidOperationException("Cluster mode needs ConnectionStrings:Postgres (env ConnectionStrings__Postgres).");

    public static string BlobConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Blobs")
        ?? throw new InvalidOperationException("Cluster mode needs ConnectionStrings:Blobs, an Azure Storage connection string (env ConnectionStrings__Blobs).");
}
