using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;

namespace CitySpiritAwards.Domain.Judging;

/// <summary>Where one member's score sheet for one entry stands.</summary>
public enum SheetStatus
{
    /// <summary>Nothing saved yet.</summary>
    ToDo = 0,
    /// <summary>Saved for later; not counted.</summary>
    Draft = 1,
    /// <summary>Counted in the shortlist; may still be changed (and submitted again) until scoring closes.</summary>
    Submitted = 2,
}

/// <summary>What the member asked for: keep the sheet as a draft, or submit it to be counted.</summary>
public enum SheetAction
{
    SaveDraft = 0,
    Submit = 1,
}

/// <summary>One thing wrong with a score sheet: the field (a criterion id, or <see cref="ScoringRules.CommentField"/>) and a stable code.</summary>
public sealed record ScoringProblem(string Field, string Code);

/// <summary>
/// The moment a member acts on an entry: whether they judge it, the campaign's phase and the end of scoring (the start
/// of public voting), the time now, and whether the category's shortlist was already published.
/// </summary>
public sealed record ScoringWindow(bool IsJudge, CampaignPhase Phase, DateTimeOffset? ClosesAt, DateTimeOffset Now, bool Finalised)
{
    /// <summary>Why nobody may score (or recuse) now, or null while scoring is open.</summary>
    public string? ClosedBecause =>
        Phase != CampaignPhase.CommitteeScoring ? JudgingRefusals.WrongPhase
        : Finalised ? JudgingRefusals.Finalised
        : ClosesAt is { } closes && Now >= closes ? JudgingRefusals.DeadlinePassed
        : null;

    /// <summary>Why this member may not score (or recuse from) this entry now, or null when they may.</summary>
    public string? RefusalFor => ClosedBecause ?? (IsJudge ? null : JudgingRefusals.NotAssigned);
}

/// <summary>The answer to saving a score sheet: the status it now has, or why nothing was saved.</summary>
public sealed record ScoringDecision(SheetStatus? Next, string? Refusal, IReadOnlyList<ScoringProblem> Problems)
{
    public bool IsAllowed => Next is not null;
}

/// <summary>
/// Who may score what, when, and what a sheet must hold. Only an entry's current judges score it, only during
/// CommitteeScoring and before its end, and not once the chair has published the category's shortlist. Each criterion
/// is marked with a whole number from 1 to 10. A draft may leave criteria blank; a submitted sheet marks them all.
/// A submitted sheet may be changed and submitted again until scoring closes, but never goes back to a draft, so a
/// counted score cannot silently stop counting.
/// </summary>
public static class ScoringRules
{
    public const string CommentField = "comment";
    public const int MaxCommentLength = 2000;
    public const int MaxReasonLength = 500;

    public const string MarkRequired = "mark-required";
    public const string MarkOutOfRange = "mark-out-of-range";
    public const string UnknownCriterion = "unknown-criterion";
    public const string CommentTooLong = "comment-too-long";

    public static ScoringDecision Save(
        ScoringWindow window, SheetStatus current, Rubric rubric, IReadOnlyDictionary<string, int> marks, string? comment, SheetAction action)
    {
        if (window.RefusalFor is { } refusal)
            return new ScoringDecision(null, refusal, []);
        if (action == SheetAction.SaveDraft && current == SheetStatus.Submitted)
            return new ScoringDecision(null, JudgingRefusals.AlreadySubmitted, []);

        var problems = Check(rubric, marks, comment, complete: action == SheetAction.Submit);
        return problems.Count > 0
            ? new ScoringDecision(null, null, problems)
            : new ScoringDecision(action == SheetAction.Submit ? SheetStatus.Submitted : SheetStatus.Draft, null, []);
    }

    /// <summary>What is wrong with these marks and comment for this rubric; <paramref name="complete"/> asks for every criterion.</summary>
    public static IReadOnlyList<ScoringProblem> Check(Rubric rubric, IReadOnlyDictionary<string, int> marks, string? comment, bool complete)
    {
        var problems = new List<ScoringProblem>();
        foreach (var criterion in rubric.Criteria)
        {
            if (!marks.TryGetValue(criterion.Id, out var mark))
            {
                if (complete)
                    problems.Add(new ScoringProblem(criterion.Id, MarkRequired));
            }
            else if (mark is < Rubric.MinScore or > Rubric.MaxScore)
                problems.Add(new ScoringProblem(criterion.Id, MarkOutOfRange));
        }
        problems.AddRange(marks.Keys
            .Where(id => rubric.Criteria.All(c => c.Id != id))
            .Order(StringComparer.Ordinal)
            .Select(id => new ScoringProblem(id, UnknownCriterion)));
        if ((comment?.Length ?? 0) > MaxCommentLength)
            problems.Add(new ScoringProblem(CommentField, CommentTooLong));
        return problems;
    }

    /// <summary>
    /// A member declares a conflict of interest with an entry they judge. Allowed while scoring is open, with a reason
    /// (it goes to the chair); returns why not, or null.
    /// </summary>
    public static string? Recuse(ScoringWindow window, string? reason) =>
        window.RefusalFor
        ?? (string.IsNullOrWhiteSpace(reason) ? JudgingRefusals.ReasonRequired
        : reason.Trim().Length > MaxReasonLength ? JudgingRefusals.ReasonTooLong
        : null);
}
