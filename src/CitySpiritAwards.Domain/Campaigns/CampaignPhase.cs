namespace CitySpiritAwards.Domain.Campaigns;

/// <summary>The phases of a campaign, in the only order they run.</summary>
public enum CampaignPhase
{
    Draft = 0,
    Nominating = 1,
    Screening = 2,
    CommitteeScoring = 3,
    PublicVoting = 4,
    Tallying = 5,
    Published = 6,
}
