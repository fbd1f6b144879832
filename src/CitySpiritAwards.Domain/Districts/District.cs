using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Districts;

/// <summary>One of Shanghai's 16 districts; the id is stable, e.g. "pudong".</summary>
public sealed record District(string Id, LocalizedText Name);
