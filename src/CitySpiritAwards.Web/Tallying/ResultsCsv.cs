using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Tallying;

/// <summary>
/// The administrators' CSV exports, with column names, award and district names in the reader's language. Every text
/// cell goes through <see cref="Csv.Text"/> (a name like "=HYPERLINK(…)" stays text); numbers are written invariantly.
/// </summary>
public static class ResultsCsv
{
    /// <summary>Per award, the whole ranking with the numbers behind it: committee mean and count, z-score, votes, points.</summary>
    public static byte[] Results(CampaignResults results, IReadOnlyDictionary<string, NominationView> nominations,
        IStringLocalizer text, DisplayNames names, string culture)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            Header(text, "AwardId", "Award", "Rank", "EntryId", "Nominee", "District", "CommitteeScore", "Scores", "ZScore", "Votes", "CommitteePoints", "PublicPoints", "Final"),
        };
        foreach (var category in results.Categories)
        {
            foreach (var s in category.Standings)
            {
                var nomination = nominations.GetValueOrDefault(s.EntryId);
                rows.Add(
                [
                    Csv.Text(category.CategoryId), Csv.Text(names.Category(category.CategoryId, culture)), Csv.Number(s.Rank), Csv.Text(s.EntryId),
                    Csv.Text(nomination?.Draft.NomineeName), Csv.Text(nomination is null ? null : names.District(nomination.Draft.DistrictId, culture)),
                    Csv.Number(s.RawScore, 2), Csv.Number(s.ScoreCount), Csv.Number(s.NormalizedScore, 4), Csv.Number(s.Votes),
                    Csv.Number(s.CommitteePoints, 2), Csv.Number(s.PublicPoints, 2), Csv.Number(s.FinalPoints, 2),
                ]);
            }
        }
        return Csv.File(rows);
    }

    /// <summary>Votes per entry and Shanghai calendar day: counted, held for review, withdrawn. No voter, no receipt.</summary>
    /// <summary>
    /// Votes per entry and day. Held and withdrawn counts below <paramref name="minimumGroup"/> read "&lt;5" (<see cref="HoldReview.Cell"/>):
    /// one held vote on one day must not be matched with the review's groups to tell whom someone voted for.
    /// </summary>
    public static byte[] Votes(IReadOnlyList<DailyVotes> days, IReadOnlyDictionary<string, NominationView> nominations,
        IStringLocalizer text, DisplayNames names, string culture, int minimumGroup)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            Header(text, "Day", "AwardId", "Award", "EntryId", "Nominee", "Counted", "Held", "Withdrawn"),
        };
        rows.AddRange(days.Select(d => (IReadOnlyList<string>)
        [
            Csv.Date(d.Day), Csv.Text(d.CategoryId), Csv.Text(names.Category(d.CategoryId, culture)), Csv.Text(d.EntryId),
            Csv.Text(nominations.GetValueOrDefault(d.EntryId)?.Draft.NomineeName),
            Csv.Number(d.Counted), Csv.Text(HoldReview.Cell(d.Held, minimumGroup)), Csv.Text(HoldReview.Cell(d.Withdrawn, minimumGroup)),
        ]));
        return Csv.File(rows);
    }

    private static IReadOnlyList<string> Header(IStringLocalizer text, params string[] columns) =>
        columns.Select(c => Csv.Text(text[$"Results.Export.{c}"])).ToList();
}
