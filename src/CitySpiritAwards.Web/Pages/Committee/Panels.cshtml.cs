using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Judging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Committee;

/// <summary>Chairs and administrators put committee members (by email) on each award's panel, or take them off before scoring starts.</summary>
[Authorize(Policy = JudgingPolicies.Chair)]
public sealed class PanelsModel(JudgingServices services, ChairServices chair) : PageModel
{
    public CampaignSnapshot? Campaign { get; private set; }
    public IReadOnlyList<(string CategoryId, IReadOnlyList<PanelSeat> Members)> Panels { get; private set; } = [];
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string campaignId) => await LoadAsync(campaignId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string campaignId, string categoryId, string? email)
    {
        Show(await chair.AddMemberAsync(campaignId, categoryId, email, $"chair:{User.Identity?.Name}"), "Judging.Panels.Added");
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string campaignId, string categoryId, string memberId)
    {
        Show(await chair.RemoveMemberAsync(campaignId, categoryId, memberId, $"chair:{User.Identity?.Name}"), "Judging.Panels.Removed");
        return await LoadAsync(campaignId) ? Page() : NotFound();
    }

    private void Show(string? refusal, string doneKey)
    {
        IsError = refusal is not null;
        Message = refusal is null ? services.Text[doneKey] : chair.Message(refusal);
    }

    private async Task<bool> LoadAsync(string campaignId)
    {
        Campaign = await services.CampaignAsync(campaignId);
        if (Campaign is null)
            return false;
        var panels = new List<(string, IReadOnlyList<PanelSeat>)>();
        foreach (var category in CategoryIds.All)
            panels.Add((category, await services.Grains.GetGrain<IPanelGrain>(JudgingKeys.For(campaignId, category)).GetMembersAsync()));
        Panels = panels;
        return true;
    }
}
