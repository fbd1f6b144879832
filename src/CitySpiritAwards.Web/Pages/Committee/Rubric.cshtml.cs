using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Judging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Committee;

/// <summary>One criterion as typed into the rubric form.</summary>
public sealed class CriterionInput
{
    public string? Id { get; set; }
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? GuidanceZh { get; set; }
    public string? GuidanceEn { get; set; }
    public int? Weight { get; set; }

    public bool IsEmpty =>
        new[] { Id, NameZh, NameEn, GuidanceZh, GuidanceEn }.All(string.IsNullOrWhiteSpace) && Weight is null;

    public static CriterionInput From(RubricCriterion c) =>
        new() { Id = c.Id, NameZh = c.Name.ZhCn, NameEn = c.Name.En, GuidanceZh = c.Guidance.ZhCn, GuidanceEn = c.Guidance.En, Weight = c.WeightPercent };

    public RubricCriterion ToCriterion() =>
        new(Id ?? "", new LocalizedText(NameZh ?? "", NameEn ?? ""), new LocalizedText(GuidanceZh ?? "", GuidanceEn ?? ""), Weight ?? 0);
}

/// <summary>Administrators give an award its own bilingual rubric for one campaign, until committee scoring starts.</summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class RubricModel(JudgingServices services) : PageModel
{
    [BindProperty]
    public List<CriterionInput> Criteria { get; set; } = [];

    public CampaignSnapshot? Campaign { get; private set; }
    public bool Custom { get; private set; }
    public string? Locked { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string campaignId, string categoryId)
    {
        if (await LoadAsync(campaignId, categoryId) is not { } rubric)
            return NotFound();
        Criteria = [.. rubric.Rubric.Criteria.Select(CriterionInput.From), new CriterionInput()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string campaignId, string categoryId)
    {
        if (!CategoryIds.IsKnown(categoryId) || await services.CampaignAsync(campaignId) is null)
            return NotFound();
        var typed = Criteria.Where(c => !c.IsEmpty).ToList();
        var outcome = await services.Grains.GetGrain<ICampaignRubricGrain>(JudgingKeys.For(campaignId, categoryId))
            .SetAsync(RubricApi.Clean(new Rubric(typed.Select(c => c.ToCriterion()).ToList())), $"admin:{User.Identity?.Name}");
        var rubric = await LoadAsync(campaignId, categoryId);
        if (!outcome.Succeeded)
        {
            Problems = outcome.Refusal is { } refusal
                ? [services.Refusal(refusal)]
                : outcome.Problems.Select(p => services.Text[$"Judging.RubricProblem.{p}"].Value).ToList();
            Criteria = [.. typed, new CriterionInput()];
            return Page();
        }
        Message = services.Text["Judging.Rubric.Saved"];
        ModelState.Clear();
        Criteria = [.. rubric!.Rubric.Criteria.Select(CriterionInput.From), new CriterionInput()];
        return Page();
    }

    private async Task<CampaignRubric?> LoadAsync(string campaignId, string categoryId)
    {
        Campaign = await services.CampaignAsync(campaignId);
        var rubric = await RubricApi.LoadAsync(services, campaignId, categoryId);
        Custom = rubric?.Custom == true;
        Locked = Campaign is null ? null : RubricEditing.Refusal(Campaign.Phase) is { } refusal ? services.Refusal(refusal) : null;
        return rubric;
    }
}
