using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Nominations;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Localization;

/// <summary>Who reads a nomination's history: its nominator sees roles only; staff also see which moderator acted.</summary>
public enum HistoryReader { Nominator, Staff }

/// <summary>
/// Histories and audit logs in the reader's language. Grains store each event in a stable form ("moderation: Approve"
/// by "moderator:mod@example.org", "phase → Screening" by "job:phase-schedule"), which the API returns as it is; every
/// page shows these words instead: "审核员 mod@example.org：审核通过", "Site (on schedule): moved the campaign to Screening".
/// </summary>
public static class HistoryWords
{
    /// <summary>One step of a nomination's history: who did what, and the moderator's reason where the reader may see it.</summary>
    public static string NominationStep(this IStringLocalizer text, NominationEvent step, string nominatorId, HistoryReader reader)
    {
        var who = reader == HistoryReader.Nominator ? RoleForNominator(text, step.Actor, nominatorId) : ActorForStaff(text, step.Actor, nominatorId);
        var action = text[$"History.{step.Action.Replace(": ", ".", StringComparison.Ordinal)}"];
        var what = action.ResourceNotFound ? step.Action : action.Value;
        var note = reader == HistoryReader.Nominator ? OwnNomination.NoteForNominator(step) : step.Note;
        return Sentence(who, what, note);
    }

    /// <summary>One entry of a campaign's or its results' audit log.</summary>
    public static string AuditStep(this IStringLocalizer text, AuditEntry entry) =>
        Sentence(Actor(text, entry.Actor), AuditAction(text, entry.Action), note: null);

    /// <summary>Who acted, as staff read it: "管理员 admin@example.org", "系统（按日程）".</summary>
    public static string Actor(this IStringLocalizer text, string actor) => ActorForStaff(text, actor, nominatorId: null);

    private static string RoleForNominator(IStringLocalizer text, string actor, string nominatorId) =>
        Known(text, $"History.Actor.{OwnNomination.RoleOf(actor, nominatorId)}") ?? actor;

    private static string ActorForStaff(IStringLocalizer text, string actor, string? nominatorId)
    {
        if (actor == nominatorId)
            return text["History.Actor.nominator.Staff"];
        // "moderator:…", "admin:…" and "chair:…" name the staff account; "job:…" names the background job.
        var colon = actor.IndexOf(':');
        var (kind, who) = colon < 0 ? (actor, "") : (actor[..colon], actor[(colon + 1)..]);
        return kind == "job"
            ? Known(text, $"History.Actor.job.{who}") ?? actor
            : (colon < 0 ? Known(text, $"History.Actor.{kind}") : Known(text, $"History.Actor.{kind}.Named", who)) ?? actor;
    }

    private static string AuditAction(IStringLocalizer text, string action) => action switch
    {
        AuditActions.Created => text["Audit.created"],
        AuditActions.ResultsComputed => text["Audit.ResultsComputed"],
        AuditActions.ResultsRecomputed => text["Audit.ResultsRecomputed"],
        AuditActions.ResultsPublished => text["Audit.ResultsPublished"],
        AuditActions.RecomputedVotesChanged => text["Audit.RecomputedVotesChanged"],
        AuditActions.RecomputedTakenDown => text["Audit.RecomputedTakenDown"],
        _ when action.StartsWith(AuditActions.PhasePrefix, StringComparison.Ordinal)
               && Enum.TryParse<CampaignPhase>(action[AuditActions.PhasePrefix.Length..], out var phase)
            => text["Audit.Phase", text[$"Phase.{phase}"].Value],
        _ => action,
    };

    /// <summary>"Who: what (note)", punctuated as the reader's language is: full-width in Chinese, "审核员：审核通过（……）".</summary>
    private static string Sentence(string who, string what, string? note)
    {
        var chinese = StringCatalog.CurrentLanguage == StringCatalog.Chinese;
        var sentence = chinese ? $"{who}：{what}" : $"{who}: {what}";
        return note is not { Length: > 0 } ? sentence : chinese ? $"{sentence}（{note}）" : $"{sentence} ({note})";
    }

    private static string? Known(IStringLocalizer text, string key, params object[] arguments) =>
        text[key, arguments] is { ResourceNotFound: false } found ? found.Value : null;
}
