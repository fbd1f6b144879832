namespace CitySpiritAwards.Domain.Judging;

/// <summary>One committee member's submitted score for one entry: the rubric's weighted score, 1 to 10.</summary>
public sealed record ScoreSheet(string MemberId, string EntryId, decimal WeightedScore);
