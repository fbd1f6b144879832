using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CitySpiritAwards.Web.Pages.Moderation;

/// <summary>
/// What the queue shows: one status tab (null: all but withdrawn), an award, a district, part of a name, only possible
/// duplicates, and a page. Parsed from the query string, and carried through every form so each action comes back to it.
/// </summary>
public sealed record QueueView(NominationStatus? Status, string? Category, string? District, string? Search, bool Duplicates, int? Page)
{
    public const string AllStatuses = "all";

    public static QueueView Default { get; } = new(NominationStatus.Submitted, null, null, null, false, null);

    /// <summary>The statuses with a tab, in the order a moderator works through them (withdrawn ones are the nominator's business).</summary>
    public static IReadOnlyList<NominationStatus> Tabs { get; } =
    [
        NominationStatus.Submitted, NominationStatus.ChangesRequested, NominationStatus.Approved,
        NominationStatus.Rejected, NominationStatus.Hidden, NominationStatus.Merged,
    ];

    public ModerationFilter Filter => new(Status, Category, District, Search, Duplicates);

    /// <summary>Whatever a link or a stale form says, a view that exists: unknown values are dropped.</summary>
    public static QueueView Parse(string? status, string? category, string? district, string? search, bool duplicates, int? page, SeedData seeds) => new(
        status == AllStatuses ? null : Enum.TryParse<NominationStatus>(status, out var s) && Tabs.Contains(s) ? s : NominationStatus.Submitted,
        CategoryIds.IsKnown(category ?? "") ? category : null,
        seeds.Districts.Any(d => d.Id == district) ? district : null,
        string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        duplicates,
        page is > 0 ? page : null);

    public static QueueView FromQuery(string? query, SeedData seeds)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Value(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        return Parse(Value("status"), Value("category"), Value("district"), Value("q"), Value("duplicates") == "true",
            int.TryParse(Value("page"), out var page) ? page : null, seeds);
    }

    /// <summary>This view as a query string ("?status=…"), or another page of it.</summary>
    public string Query(int? page = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString() ?? AllStatuses,
        ["category"] = Category,
        ["district"] = District,
        ["q"] = Search,
        ["duplicates"] = Duplicates ? "true" : null,
        ["page"] = (page ?? Page)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}

/// <summary>
/// The moderators' queue of a campaign, answered from the nominations table a page at a time: a tab per status with
/// its count, filters by award and district, a search by name, possible duplicates (same folded name and district)
/// flagged with a way to merge them, and on each nomination only the actions the rules allow now. Approving many at
/// once takes a tick that says it cannot be undone. Every action comes back to the same view (post/redirect/get) and is
/// recorded in the nomination's history with the moderator's name.
/// </summary>
[Authorize(Policy = Roles.Moderator)]
public sealed class QueueModel(NominationServices services, NominationQueries nominations, SeedData seeds) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public QueueView View { get; private set; } = QueueView.Default;
    public ModerationPage? Result { get; private set; }
    public SeedData Seeds => seeds;

    /// <summary>What the last action did, shown once after its redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string campaignId, string? status, string? category, string? district, string? q, bool duplicates, [FromQuery] int? page)
    {
        Campaign = await services.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (Campaign is null)
            return NotFound();
        View = QueueView.Parse(status, category, district, q, duplicates, page, seeds);
        Result = await nominations.ModerationAsync(campaignId, View.Filter, View.Page, null, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string campaignId, string? nominationId, ModerationAction action, string? reason, string? view)
    {
        if (string.IsNullOrEmpty(nominationId))
            return BadRequest();
        var outcome = await services.Grains.GetGrain<INominationGrain>(nominationId).ModerateAsync(action, NominationsApi.ModeratorActor(User), reason);
        services.Notices.Queue(outcome, HttpContext);
        Message = outcome.Refusal is { } refusal
            ? Refused(outcome.Nomination, refusal)
            : services.Text["Moderation.SavedFor", outcome.Nomination!.Draft.NomineeName, services.Text[$"NominationStatus.{outcome.Nomination.Status}"]];
        return BackTo(campaignId, view);
    }

    /// <summary>Approves the nominations ticked on the page, once the moderator has confirmed it cannot be undone.</summary>
    public async Task<IActionResult> OnPostBulkAsync(string campaignId, string[]? ids, bool confirm, string? view)
    {
        var selected = (ids ?? []).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).Take(PageSizes.Moderation.Max).ToList();
        if (selected.Count == 0)
            Message = services.Text["Moderation.Bulk.NoneSelected"];
        else if (!confirm)
            Message = services.Text["Moderation.Bulk.ConfirmFirst"];
        else
        {
            var actor = NominationsApi.ModeratorActor(User);
            var outcomes = new List<NominationOutcome>();
            foreach (var id in selected)
                outcomes.Add(await services.Grains.GetGrain<INominationGrain>(id).ModerateAsync(ModerationAction.Approve, actor, null));
            foreach (var outcome in outcomes)
                services.Notices.Queue(outcome, HttpContext);
            var refused = outcomes.Where(o => o.Refusal is not null).Select(o => Refused(o.Nomination, o.Refusal!));
            Message = string.Join(" ", refused.Prepend(services.Text["Moderation.Bulk.Approved", outcomes.Count(o => o.Succeeded)].Value));
        }
        return BackTo(campaignId, view);
    }

    public async Task<IActionResult> OnPostMergeAsync(string campaignId, string? nominationId, string? targetId, string? view)
    {
        if (string.IsNullOrEmpty(nominationId))
            return BadRequest();
        var outcome = await services.Grains.GetGrain<INominationMergeGrain>(campaignId).MergeAsync(nominationId, targetId ?? "", NominationsApi.ModeratorActor(User));
        Message = outcome.Refusal is { } refusal ? Refused(outcome.Nomination, refusal) : services.Text["Moderation.Merged"];
        return BackTo(campaignId, view);
    }

    /// <summary>What the moderator may do with this nomination now (nothing offered is refused for the phase or the state).</summary>
    public IReadOnlyList<NominationStatus> MovesFor(NominationListing nomination) =>
        NominationLifecycle.ModerationMoves(nomination.Status, Campaign!.Phase);

    public bool CanMerge(NominationListing nomination) => NominationLifecycle.CanMerge(nomination.Status, Campaign!.Phase);

    public bool CanApproveAny => Result!.Items.Any(n => MovesFor(n).Contains(NominationStatus.Approved));

    public string TabLink(NominationStatus? status) => (View with { Status = status, Page = null }).Query();

    public string PageLink(int page) => View.Query(page);

    private string Refused(NominationView? nomination, string refusal) =>
        nomination is null
            ? services.Text[$"Nomination.Refusal.{refusal}"]
            : services.Text["Moderation.RefusedFor", nomination.Draft.NomineeName, services.Text[$"Nomination.Refusal.{refusal}"]];

    private RedirectResult BackTo(string campaignId, string? view) =>
        Redirect($"/moderation/{Uri.EscapeDataString(campaignId)}{QueueView.FromQuery(view, seeds).Query()}");
}
