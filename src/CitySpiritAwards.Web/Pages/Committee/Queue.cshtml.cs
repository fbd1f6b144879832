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

    public async Task<IActionResult> OnGetAsync(string campaignId, string? recused, [FromQuery] int? page)
    {
        Queue = await services.QueueAsync(campaignId, NominationsApi.UserId(User), page);
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
}
