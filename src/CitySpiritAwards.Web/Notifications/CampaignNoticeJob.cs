using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Notifications;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Notifications;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Identity.Email;
using CitySpiritAwards.Web.Localization;
using Hangfire;

namespace CitySpiritAwards.Web.Notifications;

/// <summary>
/// A campaign's rounds of nominator notices: as public voting opens, the nominator of each entry on an award's shortlist
/// hears it is there (with a link to the vote page); once the results are published, the nominator of each award's winner
/// hears it won (with a link to the results). Only the shortlists and winners are read, never the campaign's other
/// nominations. Each nomination's notice log lets each notice out once, however often or wherever the job runs; an entry
/// no longer shown publicly gets none (the page the link opens does not show it). Queued by <see cref="CampaignNoticeQueue"/>.
/// </summary>
public sealed class CampaignNoticeJob(
    IGrainFactory grains, NominatorNoticeJob notices, AccountEmails emails, DisplayNames names, LinkOrigin origins, ILogger<CampaignNoticeJob> logger)
{
    /// <summary>Emails the shortlisted entries' nominators while the campaign is in PublicVoting; returns how many were sent.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> SendShortlistedAsync(string campaignId)
    {
        if ((await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync())?.Phase != CampaignPhase.PublicVoting)
            return 0;
        var entries = new List<(string CategoryId, string NominationId)>();
        var complete = true;
        foreach (var category in CategoryIds.All)
        {
            if (await grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, category)).GetAsync() is { } shortlist)
                entries.AddRange(shortlist.Entries.Select(e => (category, e.NominationId)));
            else
                complete = false; // judging's run is being retried: the phase job queues this again
        }
        var link = $"{origins.ForBackgroundJobs()}/campaigns/{Uri.EscapeDataString(campaignId)}/vote";
        return await SendRoundAsync(campaignId, NoticeKind.Shortlisted, INoticeLogGrain.Shortlisted, entries, link, complete);
    }

    /// <summary>Emails each award's winner's nominator once the results are published; returns how many were sent.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> SendWonAsync(string campaignId)
    {
        if (await grains.GetGrain<IResultsGrain>(campaignId).GetAsync() is not { IsPublished: true } results)
            return 0;
        var entries = results.Categories
            .Where(c => c.Winner is not null)
            .Select(c => (c.CategoryId, c.Winner!.EntryId))
            .ToList();
        var link = $"{origins.ForBackgroundJobs()}/campaigns/{Uri.EscapeDataString(campaignId)}/results";
        return await SendRoundAsync(campaignId, NoticeKind.Won, INoticeLogGrain.Won, entries, link, complete: true);
    }

    /// <summary>
    /// One notice per entry; a failed send does not stop the others, and fails the job afterwards so Hangfire retries it
    /// (what went out is in the logs and is not sent again). When every entry was seen, the campaign's log records the
    /// round as done, so the phase job stops queueing it.
    /// </summary>
    private async Task<int> SendRoundAsync(
        string campaignId, NoticeKind kind, string noticeEvent, IReadOnlyList<(string CategoryId, string NominationId)> entries, string link, bool complete)
    {
        var sent = 0;
        var failures = new List<Exception>();
        foreach (var (categoryId, nominationId) in entries)
        {
            var nomination = await grains.GetGrain<INominationGrain>(nominationId).GetAsync();
            if (nomination is null || nomination.CampaignId != campaignId || !nomination.IsPublic)
                continue;
            var award = new LocalizedText(names.Category(categoryId, StringCatalog.Chinese), names.Category(categoryId, StringCatalog.English));
            try
            {
                var result = await notices.NotifyAsync(nomination, kind, noticeEvent,
                    email => emails.NominatorAwardNotice(email, kind, nomination.Draft.NomineeName, award, link));
                if (result == NoticeResult.Sent)
                {
                    sent++;
                    logger.LogInformation("Emailed the nominator of {NominationId} ({Kind})", nominationId, kind);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(e);
            }
        }
        if (failures.Count > 0)
            throw new AggregateException($"{failures.Count} {kind} notice(s) of campaign '{campaignId}' could not be sent.", failures);
        if (complete)
            await grains.GetGrain<INoticeLogGrain>(INoticeLogGrain.CampaignKey(campaignId)).TryClaimAsync(noticeEvent);
        return sent;
    }
}

/// <summary>
/// Queues a campaign's round of notices that is due and not yet done: "shortlisted" while it is in PublicVoting, "won"
/// once its results are published (for <see cref="WonWindow"/>, so results published long before notices existed send
/// nothing). Called after every phase catch-up (including the minutely safety net), after an administrator's early
/// advance, and after an administrator publishes the results, so every way into PublicVoting or Published passes here;
/// a round is queued again until one run has seen every entry.
/// </summary>
public sealed class CampaignNoticeQueue(IGrainFactory grains, IBackgroundJobClient jobs, AwardsClock clock, ILogger<CampaignNoticeQueue> logger)
{
    public static readonly TimeSpan WonWindow = TimeSpan.FromDays(7);

    /// <summary>Never throws: a failure is logged, and the next catch-up (within a minute) queues the round.</summary>
    public async Task QueueDueAsync(string campaignId)
    {
        try
        {
            var campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
            if (campaign is null)
                return;
            var done = grains.GetGrain<INoticeLogGrain>(INoticeLogGrain.CampaignKey(campaignId));
            if (campaign.Phase == CampaignPhase.PublicVoting)
            {
                if (!await done.WasSentAsync(INoticeLogGrain.Shortlisted))
                    jobs.Enqueue<CampaignNoticeJob>(job => job.SendShortlistedAsync(campaignId));
            }
            else if (campaign.Phase == CampaignPhase.Published
                     && await grains.GetGrain<IResultsGrain>(campaignId).GetAsync() is { PublishedAt: { } publishedAt }
                     && clock.UtcNow - publishedAt < WonWindow
                     && !await done.WasSentAsync(INoticeLogGrain.Won))
            {
                jobs.Enqueue<CampaignNoticeJob>(job => job.SendWonAsync(campaignId));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Notices of campaign {CampaignId} not queued; the next phase catch-up queues them", campaignId);
        }
    }
}
