using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Web.Campaigns;

/// <summary>What a visitor may see of a campaign.</summary>
public sealed record CampaignSummary(string Id, LocalizedText Name, LocalizedText Description, CampaignPhase Phase, CampaignSchedule Schedule)
{
    public CampaignOnShow OnShow => new(Id, Phase, Schedule);

    public static CampaignSummary Of(CampaignSnapshot c) => new(c.Id, c.Name, c.Description, c.Phase, c.Schedule);

    /// <summary>The campaigns in the order people should see them (<see cref="CampaignLineup.Order"/>): open ones first.</summary>
    public static IReadOnlyList<CampaignSummary> InLineup(IReadOnlyList<CampaignSummary> campaigns)
    {
        var byId = campaigns.ToDictionary(c => c.Id);
        return CampaignLineup.Order(campaigns.Select(c => c.OnShow)).Select(c => byId[c.Id]).ToList();
    }
}

public sealed record AdvancePhaseRequest(CampaignPhase Phase);

/// <summary>A new campaign: a slug id (e.g. "2027-spring"), bilingual texts, when each phase starts, and its rules.</summary>
public sealed record CreateCampaignRequest(
    string Id,
    LocalizedText Name,
    LocalizedText Description,
    Dictionary<CampaignPhase, DateTimeOffset> PhaseStarts,
    CampaignSettings Settings);
