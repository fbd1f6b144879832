namespace CitySpiritAwards.Domain.Campaigns;

/// <summary>When one phase starts; it ends when the next phase starts.</summary>
public sealed record PhaseWindow(CampaignPhase Phase, DateTimeOffset StartsAt);
