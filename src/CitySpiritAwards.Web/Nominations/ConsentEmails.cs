using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Identity;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>Whether the nominee was emailed their consent link now, and if not, from when the nominator may send it.</summary>
public sealed record ConsentEmailResult(bool Sent, DateTimeOffset? AllowedFrom)
{
    public static ConsentEmailResult WasSent { get; } = new(true, null);
}

/// <summary>
/// Emails nominees their consent links within the limits of <see cref="NominationOptions"/>: per recipient address and
/// per nominator's account, counted by grains (so across silos). Over a limit the nomination stays as it is and the
/// email is recorded as held back: the nominator sees that on My nominations and can send it there later.
/// </summary>
public sealed class ConsentEmails(
    IGrainFactory grains, AccountMailer mailer, ConsentLinks links, AwardsClock clock, IOptions<NominationOptions> options)
{
    public NominationOptions Limits => options.Value;

    /// <summary>The first email of a round of asking (a new nomination, or an edit that asks again).</summary>
    public async Task<ConsentEmailResult> SendAsync(NominationView nomination, HttpContext http, CancellationToken ct)
    {
        var (_, refused) = await TakeAsync(nomination);
        if (refused is not null)
        {
            await grains.GetGrain<INominationGrain>(nomination.Id).RecordConsentEmailAsync(nomination.ConsentRound, sent: false);
            return refused;
        }
        await MailAsync(nomination, http, ct);
        return ConsentEmailResult.WasSent;
    }

    /// <summary>
    /// The nominator's "send it now" for an email held back earlier. Null when there is nothing to send (already sent,
    /// answered, or the nomination changed since).
    /// </summary>
    public async Task<ConsentEmailResult?> SendHeldAsync(NominationView nomination, HttpContext http, CancellationToken ct)
    {
        if (!nomination.ConsentEmailOwed)
            return null;
        var (taken, refused) = await TakeAsync(nomination);
        if (refused is not null)
            return refused;
        // Claimed by one press only: a second press at the same moment gives its sends back and sends nothing.
        if (!await grains.GetGrain<INominationGrain>(nomination.Id).RecordConsentEmailAsync(nomination.ConsentRound, sent: true))
        {
            await GiveBackAsync(nomination, taken!);
            return null;
        }
        await MailAsync(nomination, http, ct);
        return ConsentEmailResult.WasSent;
    }

    /// <summary>When a held-back email can be sent (null: now).</summary>
    public async Task<DateTimeOffset?> AllowedFromAsync(NominationView nomination)
    {
        var times = await Task.WhenAll(
            Account(nomination).NextFreeAsync(Limits.ConsentEmailsPerAccount, Limits.ConsentEmailWindow),
            Address(nomination).NextFreeAsync(Limits.ConsentEmailsPerAddress, Limits.ConsentEmailWindow));
        return times.Max();
    }

    /// <summary>The sends counted for one email, given back when it does not go after all.</summary>
    private sealed record Sends(DateTimeOffset Account, DateTimeOffset Address);

    /// <summary>Counts one send for the account and one for the address, or neither.</summary>
    private async Task<(Sends? Taken, ConsentEmailResult? Refused)> TakeAsync(NominationView nomination)
    {
        var byAccount = await Account(nomination).TryTakeAsync(Limits.ConsentEmailsPerAccount, Limits.ConsentEmailWindow);
        if (!byAccount.Granted)
            return (null, new ConsentEmailResult(false, byAccount.AllowedFrom));
        var byAddress = await Address(nomination).TryTakeAsync(Limits.ConsentEmailsPerAddress, Limits.ConsentEmailWindow);
        if (byAddress.Granted)
            return (new Sends(byAccount.TakenAt, byAddress.TakenAt), null);
        await Account(nomination).GiveBackAsync(byAccount.TakenAt);
        return (null, new ConsentEmailResult(false, byAddress.AllowedFrom));
    }

    private Task GiveBackAsync(NominationView nomination, Sends taken) =>
        Task.WhenAll(Account(nomination).GiveBackAsync(taken.Account), Address(nomination).GiveBackAsync(taken.Address));

    private Task MailAsync(NominationView nomination, HttpContext http, CancellationToken ct) =>
        mailer.SendNomineeConsentAsync(nomination.Draft.NomineeEmail, links.PathFor(nomination.Id, nomination.ConsentRound, clock.UtcNow), http, ct);

    private IConsentEmailQuotaGrain Account(NominationView nomination) =>
        grains.GetGrain<IConsentEmailQuotaGrain>(IConsentEmailQuotaGrain.ForAccount(nomination.NominatorId));

    private IConsentEmailQuotaGrain Address(NominationView nomination) =>
        grains.GetGrain<IConsentEmailQuotaGrain>(IConsentEmailQuotaGrain.ForAddress(nomination.Draft.NomineeEmail));
}
