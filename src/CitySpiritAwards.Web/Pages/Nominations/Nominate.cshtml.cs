using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Web.Apis;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Nominations;

/// <summary>
/// The nomination form. The id of the nomination is made when the form is shown and travels in a hidden field,
/// so pressing submit twice (or going back and resubmitting) creates one nomination.
/// </summary>
[Authorize(Policy = Roles.Resident)]
public sealed class NominateModel(NominationServices services, SeedData seeds) : PageModel
{
    [BindProperty] public NominationForm Form { get; set; } = new();

    [BindProperty] public string? NominationId { get; set; }

    public CampaignSnapshot? Campaign { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<Domain.Districts.District> Districts => seeds.Districts;
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string campaignId, string? category)
    {
        if (!await LoadAsync(campaignId))
            return NotFound();
        NominationId = Guid.NewGuid().ToString("N");
        Form.CategoryId = CategoryIds.IsKnown(category ?? "") ? category! : "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(campaignId))
            return NotFound();
        if (!Guid.TryParseExact(NominationId ?? "", "N", out _))
            NominationId = Guid.NewGuid().ToString("N");

        var outcome = await services.SubmitAsync(campaignId, NominationsApi.UserId(User), NominationId!, Form.ToDraft(), HttpContext, ct);
        foreach (var problem in outcome.Problems)
        {
            // "Story" means neither language was written: show it under the first story field.
            var field = problem.Field == NominationFields.Story ? nameof(NominationForm.StoryZh) : problem.Field;
            ModelState.AddModelError($"{nameof(Form)}.{field}", NominationsApi.Message(problem, services.Text));
        }
        if (outcome.Refusal is { } refusal)
            Refusal = services.Text[$"Nomination.Refusal.{refusal}"];
        if (!outcome.Succeeded)
            return Page();
        return Redirect($"/campaigns/{Uri.EscapeDataString(campaignId)}/my-nominations?submitted={outcome.Nomination!.Id}");
    }

    private async Task<bool> LoadAsync(string campaignId)
    {
        Campaign = await services.Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        Categories = await CategoriesApi.LoadCategoriesAsync(services.Grains);
        return Campaign is not null;
    }

    public bool IsOpen => Campaign?.Phase == CampaignPhase.Nominating;
}

/// <summary>The form's fields; the same names as <see cref="NominationDraft"/>, so the rules' problems land next to them.</summary>
public sealed class NominationForm
{
    // Nullable, so MVC adds no English "field is required" errors of its own: the nomination rules judge the values.
    public string? CategoryId { get; set; }
    public string? DistrictId { get; set; }
    public string? NomineeName { get; set; }
    public string? Relationship { get; set; }
    public string? StoryZh { get; set; }
    public string? StoryEn { get; set; }
    public string? NomineeEmail { get; set; }

    public NominationDraft ToDraft() =>
        new(CategoryId ?? "", DistrictId ?? "", NomineeName ?? "", Relationship ?? "", StoryZh, StoryEn, NomineeEmail ?? "", PhotoCount: 0);
}
