using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Notifications;
using CitySpiritAwards.Domain.Notifications;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Identity.Email;
using CitySpiritAwards.Web.Nominations;
using Hangfire;
using Microsoft.AspNetCore.Identity;

namespace CitySpiritAwards.Web.Notifications;

public enum NoticeResult
{
    Sent,
    /// <summary>This step's notice already went out (the job ran twice, or on two silos).</summary>
    AlreadySent,
    /// <summary>The nominator turned this kind of notice off on My account.</summary>
    TurnedOff,
    /// <summary>No such step, a step that needs no notice, or a nominator without a confirmed email.</summary>
    Nothing,
}

/// <summary>
/// Emails a nominator about one step of their nomination's history (a moderator's decision with its reason, the
/// nominee's answer), in both languages with a link to My nominations. Enqueued by the request that made the step; the
/// nomination's notice log lets each step's email out once, however often or wherever the job runs.
/// </summary>
public sealed class NominatorNoticeJob(
    IGrainFactory grains, IServiceScopeFactory scopes, IEmailSender sender, AccountEmails emails, ILogger<NominatorNoticeJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<NoticeResult> SendAsync(string nominationId, int step, string origin)
    {
        var nomination = await grains.GetGrain<INominationGrain>(nominationId).GetAsync();
        if (nomination is null || step < 0 || step >= nomination.History.Count)
            return NoticeResult.Nothing;
        var happened = nomination.History[step];
        if (NominatorNotices.For(happened.Action) is not { } kind)
            return NoticeResult.Nothing;
        var link = $"{origin}/campaigns/{Uri.EscapeDataString(nomination.CampaignId)}/my-nominations";
        var result = await NotifyAsync(nomination, kind, INoticeLogGrain.Step(step),
            email => emails.NominatorNotice(email, happened.Action, nomination.Draft.NomineeName, OwnNomination.NoteForNominator(happened), link));
        if (result == NoticeResult.Sent)
            logger.LogInformation("Emailed the nominator of {NominationId} about step {Step} ({Kind})", nominationId, step, kind);
        return result;
    }

    /// <summary>
    /// Emails the nominator <paramref name="message"/> (made for their address) unless they turned <paramref name="kind"/>
    /// off, have no confirmed email, or the nomination's notice log already has <paramref name="noticeEvent"/>. A send
    /// that throws is released from the log (so a retry sends it) and the exception goes on.
    /// </summary>
    public async Task<NoticeResult> NotifyAsync(NominationView nomination, NoticeKind kind, string noticeEvent, Func<string, EmailMessage> message)
    {
        if ((await grains.GetGrain<INoticeSettingsGrain>(nomination.NominatorId).GetTurnedOffAsync()).Contains(kind))
            return NoticeResult.TurnedOff;
        if (await EmailOfAsync(nomination.NominatorId) is not { } email)
            return NoticeResult.Nothing;

        var log = grains.GetGrain<INoticeLogGrain>(nomination.Id);
        if (!await log.TryClaimAsync(noticeEvent))
            return NoticeResult.AlreadySent;
        try
        {
            await sender.SendAsync(message(email), CancellationToken.None);
        }
        catch
        {
            await log.ReleaseAsync(noticeEvent); // not sent: Hangfire's retry sends it
            throw;
        }
        return NoticeResult.Sent;
    }

    private async Task<string?> EmailOfAsync(string userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>().FindByIdAsync(userId);
        return user is { EmailConfirmed: true } ? user.Email : null;
    }
}

/// <summary>Queues the nominator's notice for what a request just did to a nomination.</summary>
public sealed class NoticeQueue(IBackgroundJobClient jobs, LinkOrigin origins, ILogger<NoticeQueue> logger)
{
    /// <summary>
    /// After a successful moderation or consent answer: queues the notice of the nomination's newest step when it is one
    /// the nominator hears about. A repeated request (double click) names the same step, which the job sends once.
    /// </summary>
    public void Queue(NominationOutcome outcome, HttpContext http)
    {
        if (!outcome.Succeeded || outcome.Nomination!.History is not { Count: > 0 } history
            || NominatorNotices.For(history[^1].Action) is null)
            return;
        string origin;
        try
        {
            origin = origins.OriginOf(http);
        }
        catch (UntrustedHostException e)
        {
            logger.LogWarning("No notice queued for {NominationId}: {Reason}", outcome.Nomination.Id, e.Message);
            return;
        }
        var id = outcome.Nomination.Id;
        var step = history.Count - 1;
        jobs.Enqueue<NominatorNoticeJob>(job => job.SendAsync(id, step, origin));
    }
}
