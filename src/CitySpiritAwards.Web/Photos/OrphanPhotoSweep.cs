using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Storage.Nominations;
using Hangfire;

namespace CitySpiritAwards.Web.Photos;

/// <summary>
/// Deletes nomination photos no nomination uses: photos kept for a form that was never sent again, photos of a
/// refused submission or taken off in an edit whose deletion failed. Only files older than a day, so a resident still
/// correcting a form keeps theirs. A Hangfire job, once a day; running it twice or on two silos deletes nothing twice.
/// </summary>
public sealed class OrphanPhotoSweep(
    IPhotoStore store, NominationQueries nominations, IGrainFactory grains, TimeProvider time, ILogger<OrphanPhotoSweep> logger)
{
    public const string RecurringJobId = "orphan-photos";
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    [AutomaticRetry(Attempts = 2)]
    public Task<int> RunAsync() => RunAsync(Grace, CancellationToken.None);

    /// <returns>How many files were deleted.</returns>
    public async Task<int> RunAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - olderThan;
        var byNomination = new Dictionary<string, List<StoredPhotoInfo>>(StringComparer.Ordinal);
        await foreach (var photo in store.ListAsync("nominations/", cancellationToken))
        {
            var parts = photo.Key.Split('/');
            if (parts.Length != 3)
                continue;
            if (!byNomination.TryGetValue(parts[1], out var files))
                byNomination[parts[1]] = files = [];
            files.Add(photo);
        }

        var deleted = 0;
        // Only nominations with a file old enough to go are looked at, a page of rows at a time from the nominations
        // table; a nomination without a row (a form never sent, or one still being written) is asked directly.
        var candidates = byNomination.Where(n => n.Value.Any(f => f.LastModified < cutoff)).Select(n => n.Key).ToList();
        foreach (var chunk in candidates.Chunk(500))
        {
            var rows = (await nominations.FindAsync(chunk, cancellationToken)).ToDictionary(n => n.Id, n => n.PhotoIds, StringComparer.Ordinal);
            foreach (var nominationId in chunk)
            {
                var used = rows.TryGetValue(nominationId, out var photoIds)
                    ? photoIds
                    : (await grains.GetGrain<INominationGrain>(nominationId).GetAsync())?.PhotoIds ?? [];
                foreach (var file in byNomination[nominationId].Where(f => f.LastModified < cutoff && !used.Contains(PhotoIdOf(f.Key))))
                {
                    await store.DeleteAsync(file.Key, cancellationToken);
                    deleted++;
                }
            }
        }
        if (deleted > 0)
            logger.LogInformation("Deleted {Count} photo files no nomination uses", deleted);
        return deleted;
    }

    /// <summary>"nominations/{id}/{photoId}-thumb.jpg" → photoId.</summary>
    private static string PhotoIdOf(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        var dash = name.IndexOf('-');
        return dash < 0 ? name : name[..dash];
    }
}

/// <summary>Declares the daily sweep at every start (Hangfire keeps recurring jobs by id, so this is idempotent).</summary>
public sealed class OrphanPhotoSweepRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<OrphanPhotoSweep>(OrphanPhotoSweep.RecurringJobId, sweep => sweep.RunAsync(), Cron.Daily(3)); // 03:00 UTC, 11:00 in Shanghai
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
