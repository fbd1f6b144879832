using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Identity.Email;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Web.Judging;

public enum ReminderResult
{
    Sent,
    /// <summary>This member was already reminded today (Shanghai day) for this campaign.</summary>
    AlreadyToday,
    /// <summary>Scoring is not open, or the member has nothing left to submit.</summary>
    NothingToScore,
}

/// <summary>
/// Emails committee members who still have entries to submit, while scoring is open. Runs hourly (Hangfire) and on a
/// chair's request; the member's reminder log grain lets at most one reminder a day through, so hourly runs, restarts
/// and two silos never send twice.
/// </summary>
public sealed class CommitteeReminderJob(
    IGrainFactory grains,
    JudgingQueries queries,
    AwardsClock clock,
    IServiceScopeFactory scopes,
    IEmailSender sender,
    AccountEmails emails,
    LinkOrigin origins,
    ILogger<CommitteeReminderJob> logger)
{
    public const string RecurringJobId = "committee-reminders";

    [AutomaticRetry(Attempts = 3)]
    public async Task RemindAllAsync()
    {
        foreach (var campaignId in await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync())
        {
            if ((await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync())?.Phase != CampaignPhase.CommitteeScoring)
                continue;
            foreach (var memberId in (await UnscoredAsync(campaignId)).Where(m => m.Value > 0).Select(m => m.Key))
                await RemindAsync(campaignId, memberId);
        }
    }

    public async Task<ReminderResult> RemindAsync(string campaignId, string memberId)
    {
        var campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (campaign is null)
            return ReminderResult.NothingToScore;
        var unscored = (await UnscoredAsync(campaignId)).GetValueOrDefault(memberId);
        if (!ReminderRules.IsDue(campaign.Phase, campaign.Schedule.StartOf(CampaignPhase.PublicVoting), clock.UtcNow, unscored))
            return ReminderResult.NothingToScore;

        var email = await EmailOfAsync(memberId);
        if (email is null)
            return ReminderResult.NothingToScore;
        var day = ShanghaiTime.DayOf(clock.UtcNow);
        var log = grains.GetGrain<IReminderLogGrain>(JudgingKeys.For(campaignId, memberId));
        if (!await log.TryClaimAsync(day))
            return ReminderResult.AlreadyToday;
        try
        {
            await sender.SendAsync(emails.CommitteeReminder(email, $"{origins.ForBackgroundJobs()}/committee/{Uri.EscapeDataString(campaignId)}"), CancellationToken.None);
        }
        catch
        {
            await log.ReleaseAsync(day); // not sent: the next run may try again today
            throw;
        }
        logger.LogInformation("Reminded committee member {MemberId} of {Count} entries in {CampaignId}", memberId, unscored, campaignId);
        return ReminderResult.Sent;
    }

    /// <summary>Per judge: the entries assigned to them not yet submitted, in categories whose shortlist is not final (counted in the tables).</summary>
    private async Task<IReadOnlyDictionary<string, int>> UnscoredAsync(string campaignId)
    {
        var open = new List<string>();
        foreach (var category in CategoryIds.All)
        {
            if (await grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, category)).GetAsync() is null)
                open.Add(category);
        }
        return await queries.UnscoredAsync(campaignId, open);
    }

    private async Task<string?> EmailOfAsync(string memberId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>().FindByIdAsync(memberId);
        return user is { EmailConfirmed: true } ? user.Email : null;
    }
}

/// <summary>Declares the hourly reminder job at every start (embedded Hangfire keeps jobs in memory only).</summary>
public sealed class CommitteeReminderJobRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<CommitteeReminderJob>(CommitteeReminderJob.RecurringJobId, job => job.RemindAllAsync(), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
