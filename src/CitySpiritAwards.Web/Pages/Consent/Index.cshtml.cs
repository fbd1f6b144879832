using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Consent;

/// <summary>
/// The nominee's page, reached by the emailed link (no account needed): see the nomination, agree, decline or withdraw.
/// Declining and withdrawing are final, so each takes a tick that says so; without it the page comes back with the box
/// marked and nothing changed. An answer comes back to the page (post/redirect/get), so Back or refresh sends nothing.
/// A link from before the nominator changed the nomination shows nothing of it: the nominee (perhaps at another address)
/// was sent a new link for what it says now.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IGrainFactory grains, ConsentLinks links, NoticeQueue notices, IStringLocalizer<SharedResource> text) : PageModel
{
    public NominationView? Nomination { get; private set; }

    /// <summary>What the last answer did, shown once after its redirect.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>The id of the tick box on the decline or withdraw form (never both on the page), under which a missing tick is reported.</summary>
    public const string ConfirmTickId = "consent-confirm";

    /// <summary>The link was for an earlier version of the nomination; a newer link was sent.</summary>
    public bool LinkReplaced { get; private set; }

    /// <summary>The nominee is being asked again because the nomination changed after an earlier link or answer.</summary>
    public bool AskedAgain => Nomination?.ConsentRound > 0 && Nomination.Consent == Domain.Nominations.NomineeConsent.Pending;

    /// <summary>The link's token, passed on to the photos so the nominee sees them before deciding.</summary>
    public string? Token { get; private set; }

    private string? _categoryZh;
    private string? _categoryEn;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await LoadAsync(token);
        return Nomination is null ? NotFoundPage() : Page();
    }


    public async Task<IActionResult> OnPostAsync(string token, ConsentAction? action, bool confirm)
    {
        if (links.ReadToken(token) is not { } link)
            return NotFoundPage();
        if (action is null || !Enum.IsDefined(action.Value))
            return BadRequest();
        if (action is ConsentAction.Decline or ConsentAction.Withdraw && !confirm)
        {
            // Nothing is recorded: the page comes back with the box marked.
            ModelState.AddModelError(ConfirmTickId, text[$"Consent.{action}ConfirmFirst"]);
            await LoadAsync(token);
            return Nomination is null ? NotFoundPage() : Page();
        }
        var outcome = await grains.GetGrain<INominationGrain>(link.NominationId).ConsentAsync(action.Value, link.Round);
        notices.Queue(outcome, HttpContext);
        Message = outcome.Refusal is { } refusal ? text[$"Nomination.Refusal.{refusal}"] : text["Consent.Saved"];
        return Redirect($"/consent/{Uri.EscapeDataString(token)}");
    }

    public string CategoryName(string culture) => (LocalizedText.IsChinese(culture) ? _categoryZh : _categoryEn) ?? Nomination?.Draft.CategoryId ?? "";

    private async Task LoadAsync(string token)
    {
        var link = links.ReadToken(token);
        Nomination = link is null ? null : await grains.GetGrain<INominationGrain>(link.NominationId).GetAsync();
        if (Nomination is not null && !link!.IsCurrentFor(Nomination))
        {
            (Nomination, LinkReplaced) = (null, true);
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        Token = Nomination is null ? null : token;
        if (Nomination is not null && await grains.GetGrain<ICategoryGrain>(Nomination.Draft.CategoryId).GetAsync() is { } category)
            (_categoryZh, _categoryEn) = (category.Name.ZhCn, category.Name.En);
    }

    private PageResult NotFoundPage()
    {
        if (!LinkReplaced)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
