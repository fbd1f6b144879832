using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Judging;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Committee;

/// <summary>
/// A committee member's entries in a campaign, 50 a page: each with to do / draft / submitted, progress, the deadline,
/// and a button to the next entry still to score. Only the member's own assignments; never who nominated an entry.
/// </summary>
[Authorize(Policy = Roles.CommitteeMember)]
public sealed class QueueModel(JudgingServices services) : PageModel
{
    public MemberQueue? Queue { get; private set; }
    public string? Message { get; private set; }

    public QueueFilter Filter { get; private set; } = QueueFilter.All;

    public async Task<IActionResult> OnGetAsync(
        string campaignId, string? recused, [FromQuery] int? page, [FromQuery] string? category, [FromQuery] SheetStatus? status, [FromQuery] string? order)
    {
        Filter = QueueFilter.From(category, status, order);
        Queue = await services.QueueAsync(campaignId, User.UserId(), page, Filter);
        if (Queue is null)
            return NotFound();
        Message = recused switch
        {
            "replaced" => services.Text["Judging.Message.Recused"].Value,
            "alone" => services.Text["Judging.Message.RecusedNoReplacement"].Value,
            _ => null,
        };
        return Page();
    }

    /// <summary>This page's address with the filter kept and the page changed (paging links).</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["category"] = Filter.CategoryId,
        ["status"] = Filter.Status?.ToString(),
        ["order"] = Filter.ByName ? "name" : null,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
