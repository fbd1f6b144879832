namespace CitySpiritAwards.Grains.Storage;

/// <summary>The grain storage every grain writes to: a local folder when embedded, PostgreSQL in a cluster.</summary>
public static class StorageNames
{
    public const string Awards = "awards";
}
