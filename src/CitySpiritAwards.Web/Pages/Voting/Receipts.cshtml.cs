using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Shared;
using CitySpiritAwards.Web.Voting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Voting;

/// <summary>
/// "Did my vote count?": anyone holding a receipt sees whether its vote is counted, withdrawn or held for review, and
/// in which award; whom it was for only when the vote is their own.
/// </summary>
public sealed class ReceiptsModel(VotingServices services) : PageModel
{
    public string? Receipt { get; private set; }
    public ReceiptView? Found { get; private set; }
    public CampaignSnapshot? Campaign { get; private set; }
    public Category? Category { get; private set; }
    public NominationView? Entry { get; private set; }

    public async Task OnGetAsync(string? receipt, CancellationToken ct)
    {
        Receipt = receipt?.Trim();
        if (string.IsNullOrEmpty(Receipt))
            return;
        Found = await services.LookUpAsync(Receipt, User, ct);
        if (Found is null)
            return;
        Campaign = await services.Grains.GetGrain<ICampaignGrain>(Found.CampaignId).GetAsync();
        Category = (await services.Grains.LoadCategoriesAsync()).FirstOrDefault(c => c.Id == Found.CategoryId);
        if (Found.EntryId is { } entryId && await services.Grains.GetGrain<INominationGrain>(entryId).GetAsync() is { IsPublic: true } entry)
            Entry = entry;
    }
}
