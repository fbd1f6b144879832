using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Web.Tallying;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Tallying;

/// <summary>
/// A campaign's results: per award the winner with photo and story, a chart of final scores and the whole ranking.
/// Visitors see them once published, and until then only that they are not published; administrators see a preview.
/// </summary>
public sealed class IndexModel(ResultsServices services) : PageModel
{
    public ResultsAccess Access { get; private set; }
    public CampaignSnapshot? Campaign { get; private set; }
    public ResultsView? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(string campaignId)
    {
        (Access, Campaign, Results) = await services.LoadAsync(campaignId, User);
        return Access == ResultsAccess.NoSuchCampaign ? NotFound() : Page();
    }

    public string CategoryName(string id, string culture) => services.Names.Category(id, culture);

    public string DistrictName(string id, string culture) => services.Names.District(id, culture);

    /// <summary>The nominee's name, or words saying it is no longer public.</summary>
    public string NameOf(StandingView standing) => standing.Nominee?.NomineeName ?? services.Text["Results.NotPublic"];

    public string ChartOf(CategoryView category, string culture)
    {
        var name = CategoryName(category.CategoryId, culture);
        var text = services.Text;
        var winner = category.Winner;
        var description = winner is null
            ? text["Results.Chart.Empty"].Value
            : text["Results.Chart.Description", Results!.Results.CommitteeWeightPercent, Results.Results.PublicWeightPercent,
                NameOf(winner), ResultsFormat.Points(winner.Standing.FinalPoints)].Value;
        return ResultsChart.Svg($"chart-{category.CategoryId}",
            category.Standings.Select(s => new ChartBar($"{s.Standing.Rank}. {NameOf(s)}", s.Standing.CommitteePoints, s.Standing.PublicPoints)).ToList(),
            new ChartText(text["Results.Chart.Title", name], description, text["Results.Chart.Committee"], text["Results.Chart.Public"], text["Results.Chart.Value"]));
    }
}
