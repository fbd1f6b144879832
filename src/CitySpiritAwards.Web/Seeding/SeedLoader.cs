using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Seeds;

namespace CitySpiritAwards.Web.Seeding;

/// <summary>
/// On start, puts what seeds/ describes into the grains that do not have it yet: the four categories, and
/// (unless "CitySpiritAwards:SeedDemo" is false) the demo campaign with its fictional nominations.
/// Runs after the silo has started, and is safe to run on every start and on several silos at once.
/// </summary>
public sealed class SeedLoader(
    SeedData seeds,
    IGrainFactory grains,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<SeedLoader> logger) : IHostedService
{
    public const string Actor = "seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var category in seeds.Categories)
        {
            var grain = grains.GetGrain<ICategoryGrain>(category.Id);
            if (await grain.GetAsync() is null)
                await grain.DefineAsync(category);
        }

        if (configuration.GetValue("CitySpiritAwards:SeedDemo", true))
            await SeedDemoCampaignAsync();
    }

    // Each step checks before it acts, so a start that was cut off half-way finishes the job next time.
    private async Task SeedDemoCampaignAsync()
    {
        var demo = seeds.DemoCampaign;
        var campaign = grains.GetGrain<ICampaignGrain>(demo.Id);
        if (await campaign.GetAsync() is null)
        {
            try
            {
                await campaign.CreateAsync(new NewCampaign(demo.Name, demo.Description, demo.ScheduleFrom(clock.GetUtcNow()), demo.Settings), Actor);
                await campaign.CatchUpWithScheduleAsync(Actor);
                logger.LogInformation("Seeded the demo campaign {CampaignId}", demo.Id);
            }
            catch (InvalidOperationException)
            {
                // Another silo created it a moment ago.
            }
        }

        foreach (var nomination in demo.Nominations)
        {
            await grains.GetGrain<INominationGrain>(nomination.Id)
                .ImportApprovedAsync(new NominationSubmission(demo.Id, Actor, nomination.ToDraft(), PhotoIds: []), Actor);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
