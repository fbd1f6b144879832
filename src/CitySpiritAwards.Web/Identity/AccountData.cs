using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Notifications;
using CitySpiritAwards.Domain.Notifications;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Identity;

namespace CitySpiritAwards.Web.Identity;

/// <summary>Everything the site keeps about one account, as its owner downloads it (PIPL's right to a copy).</summary>
public sealed record AccountExport(
    DateTimeOffset ExportedAt,
    AccountExport.Profile Account,
    IReadOnlyList<OwnNomination> Nominations,
    IReadOnlyList<AccountExport.Vote> Votes,
    IReadOnlyList<NoticeKind> NoticesTurnedOff)
{
    public sealed record Profile(string Email, string DisplayName, DateTimeOffset CreatedAt, bool EmailConfirmed, IReadOnlyList<string> Roles);

    /// <summary>One of the account's votes, with its receipt; withdrawn and held ones too.</summary>
    public sealed record Vote(string CampaignId, string CategoryId, string EntryId, string Receipt, DateTimeOffset VotedAt, DateTimeOffset? WithdrawnAt, string Status);
}

/// <summary>
/// Gathers an account's data from where each part lives: the account from Identity, its nominations from the nominations
/// table by nominator (then each one's grain, for the history), its votes from the votes table by voter. Only ever for the
/// signed-in owner; a person's own rows are a handful per campaign, so this reads no one else's.
/// </summary>
public sealed class AccountData(UserManager<AwardsUser> users, IGrainFactory grains, NominationQueries nominations, IVoteLedger ledger, TimeProvider time)
{
    /// <summary>More votes than one person casts in a lifetime of campaigns (four awards, a few votes each a year).</summary>
    private const int MaxVotes = 100_000;

    public async Task<AccountExport> ExportAsync(AwardsUser user, CancellationToken ct)
    {
        var campaigns = (await CampaignServices.LoadCampaignsAsync(grains)).Select(c => c.Id).Reverse().ToList();
        var own = new List<OwnNomination>();
        for (int page = 1, pages = 1; page <= pages; page++)
        {
            var slice = await nominations.NominatorAsync(user.Id, campaigns, page, null, ct);
            pages = slice.Paging.PageCount;
            foreach (var listing in slice.Items)
                if (await grains.GetGrain<INominationGrain>(listing.Id).GetAsync() is { } nomination)
                    own.Add(OwnNomination.From(nomination));
        }
        var votes = (await ledger.LoadVoterVotesAsync(user.Id, MaxVotes, ct))
            .Select(v => new AccountExport.Vote(v.CampaignId, v.CategoryId, v.EntryId, v.Receipt, v.VotedAt, v.WithdrawnAt, v.Status.ToString()))
            .ToList();
        return new AccountExport(
            time.GetUtcNow(),
            new AccountExport.Profile(user.Email ?? "", user.DisplayName, user.CreatedAt, user.EmailConfirmed, [.. await users.GetRolesAsync(user)]),
            own,
            votes,
            await grains.GetGrain<INoticeSettingsGrain>(user.Id).GetTurnedOffAsync());
    }
}
