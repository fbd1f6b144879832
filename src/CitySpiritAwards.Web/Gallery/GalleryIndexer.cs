using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;

namespace CitySpiritAwards.Web.Gallery;

/// <summary>
/// After an upgrade from a version without the gallery, or a gallery whose state was lost, asks every nomination of each
/// campaign once to put itself in (or take itself out). In the background, so the site starts at once; idempotent, so
/// several silos doing it together or a start cut off half-way do no harm.
/// </summary>
public sealed class GalleryIndexer(IGrainFactory grains, ILogger<GalleryIndexer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var campaignId in await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync())
            {
                var gallery = grains.GetGrain<IPublicGalleryGrain>(campaignId);
                if (stoppingToken.IsCancellationRequested || await gallery.IsIndexedAsync())
                    continue;
                var campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
                foreach (var nominationId in campaign?.NominationIds ?? [])
                    await grains.GetGrain<INominationGrain>(nominationId).RefreshGalleryAsync();
                await gallery.MarkIndexedAsync();
                logger.LogInformation("Indexed the public gallery of campaign {CampaignId}", campaignId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not index the public galleries; the next start tries again");
        }
    }
}
