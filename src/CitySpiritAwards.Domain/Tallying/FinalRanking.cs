using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Domain.Tallying;

/// <summary>A shortlisted entry's final standing in its category.</summary>
/// <param name="CommitteePart">The committee's normalised score as a 0–1 share: Φ(z), the standard normal CDF.</param>
/// <param name="PublicPart">Counted votes scaled to 0–1: the entry's votes over the most votes any entry got.</param>
/// <param name="FinalScore">committee weight × CommitteePart + public weight × PublicPart, 0–1.</param>
public sealed record FinalStanding(string EntryId, double CommitteePart, int Votes, double PublicPart, double FinalScore, int Rank);

/// <summary>
/// Combines the committee's result and the public vote with the campaign's weights (e.g. 70/30). Both parts are
/// put on a 0–1 scale so the weights mean what they say. Committee part = Φ(z), the standard normal CDF of the
/// entry's mean z-score: z-scores are already standardised, and Φ keeps a narrow committee lead narrow (rescaling
/// the shortlist's range to 0–1 would turn any lead, however small, into the whole scale). Public part =
/// votes / most votes, or 0 for all when nobody voted. Ties on the final score go to the higher committee part,
/// then the higher raw committee score, then the entry id, as DOMAIN.md asks ("ties broken by committee score").
/// Only counted votes come in: votes held aside as possible fraud are not part of the tally until cleared.
/// </summary>
public static class FinalRanking
{
    public static IReadOnlyList<FinalStanding> Rank(
        IReadOnlyList<EntryResult> shortlist,
        IReadOnlyDictionary<string, int> countedVotes,
        CampaignSettings settings)
    {
        if (shortlist.Count == 0)
            return [];
        var mostVotes = shortlist.Max(e => countedVotes.GetValueOrDefault(e.EntryId));
        var committeeWeight = settings.CommitteeWeightPercent / 100.0;
        var publicWeight = settings.PublicWeightPercent / 100.0;

        var scored = shortlist.Select(entry =>
        {
            var committee = StandardNormal.Cdf(entry.NormalizedScore);
            var votes = countedVotes.GetValueOrDefault(entry.EntryId);
            var publicPart = mostVotes == 0 ? 0.0 : (double)votes / mostVotes;
            return (Entry: entry, Committee: committee, Votes: votes, Public: publicPart,
                    Final: committeeWeight * committee + publicWeight * publicPart);
        });

        return scored
            .OrderByDescending(s => Math.Round(s.Final, 9))
            .ThenByDescending(s => Math.Round(s.Committee, 9))
            .ThenByDescending(s => s.Entry.RawScore)
            .ThenBy(s => s.Entry.EntryId, StringComparer.Ordinal)
            .Select((s, index) => new FinalStanding(s.Entry.EntryId, s.Committee, s.Votes, s.Public, s.Final, index + 1))
            .ToList();
    }
}

/// <summary>The standard normal distribution's CDF, Φ(z) = ½ (1 + erf(z / √2)).</summary>
public static class StandardNormal
{
    public static double Cdf(double z) => 0.5 * (1 + Erf(z / Math.Sqrt(2)));

    // Abramowitz & Stegun 7.1.26: absolute error below 1.5e-7, plenty for ranking.
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + 0.3275911 * x);
        var polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return sign * (1 - polynomial * Math.Exp(-x * x));
    }
}
