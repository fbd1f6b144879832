using System.Globalization;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Tallying;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Tallying;

/// <summary>
/// A printable certificate for an award's winner, in Chinese and English at once. Public once the results are; an
/// administrator's preview before that; "not found" for anyone else, for an award without a winner, and for a winner
/// no longer shown publicly.
/// </summary>
public sealed class CertificateModel(ResultsServices services, StringCatalog strings) : PageModel
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(StringCatalog.Chinese);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo(StringCatalog.English);

    public ResultsView? Results { get; private set; }
    public StandingView? Winner { get; private set; }
    public string CategoryId { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string campaignId, string categoryId)
    {
        (_, _, Results) = await services.LoadAsync(campaignId, User);
        CategoryId = categoryId;
        Winner = Results?.For(categoryId)?.Winner;
        return Winner?.Nominee is null ? NotFound() : Page();
    }

    /// <summary>A string of the catalog in both languages, whatever the reader's language.</summary>
    public LocalizedText Both(string key, params object[] arguments) => new(
        string.Format(Chinese, strings.Find(key, Chinese) ?? key, arguments),
        string.Format(English, strings.Find(key, English) ?? key, arguments));

    public LocalizedText Category => new(services.Names.Category(CategoryId, StringCatalog.Chinese), services.Names.Category(CategoryId, StringCatalog.English));

    public LocalizedText District => new(
        services.Names.District(Winner!.Nominee!.DistrictId, StringCatalog.Chinese), services.Names.District(Winner.Nominee.DistrictId, StringCatalog.English));

    /// <summary>The day the results were published (today, for a preview), in Shanghai: 2027年5月10日 and 10 May 2027.</summary>
    public LocalizedText Date
    {
        get
        {
            var day = ShanghaiTime.Of(Results!.Results.PublishedAt ?? DateTimeOffset.UtcNow);
            return new(day.ToString("yyyy年M月d日", Chinese), day.ToString("d MMMM yyyy", English));
        }
    }
}
