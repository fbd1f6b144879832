namespace CitySpiritAwards.Testing;

/// <summary>Paths inside the repository, found from the test binaries' folder (no matter where the repository is cloned).</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "CitySpiritAwards.sln";

    private static readonly Lazy<string> _root = new(FindRoot);

    /// <summary>The folder holding <c>CitySpiritAwards.sln</c>.</summary>
    public static string Root => _root.Value;

    /// <summary><c>infra/sql/postgresql/orleans.sql</c>: the Orleans ADO.NET schema for PostgreSQL.</summary>
    public static string OrleansPostgresSchema => Path.Combine(Root, "infra", "sql", "postgresql", "orleans.sql");

    /// <summary><c>infra/local</c>: the npm project that pins the local servers (Azurite).</summary>
    public static string LocalServers => Path.Combine(Root, "infra", "local");

    /// <summary>The Azurite blob service launcher installed by <c>npm ci --prefix infra/local</c>.</summary>
    public static string AzuriteBlob => Path.Combine(LocalServers, "node_modules", ".bin", "azurite-blob");

    /// <summary><c>seeds</c>: categories, rubrics, districts and the demo campaign.</summary>
    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                return folder.FullName;
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} contains {SolutionFile}; run the tests from inside the repository.");
    }
}
