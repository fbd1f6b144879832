namespace CitySpiritAwards.Domain.Notifications;

/// <summary>The kinds of email the site sends a nominator about their nomination; each can be turned off on My account.</summary>
public enum NoticeKind
{
    /// <summary>A moderator approved, rejected, hid it or asked for changes (with their reason).</summary>
    ModeratorActed,
    /// <summary>The nominee agreed, declined, or withdrew their agreement.</summary>
    NomineeAnswered,
    /// <summary>The nomination is on its award's shortlist as public voting opens.</summary>
    Shortlisted,
    /// <summary>The nomination won its award when the results were published.</summary>
    Won,
}

/// <summary>Which steps of a nomination's history its nominator is emailed about.</summary>
public static class NominatorNotices
{
    /// <summary>
    /// The notice a history step gives the nominator, or null for steps they took themselves or that need no email
    /// (submitting, editing, the site re-asking consent, a merge, whose note names another resident's nomination).
    /// </summary>
    public static NoticeKind? For(string action) => action switch
    {
        "moderation: Approve" or "moderation: Reject" or "moderation: RequestChanges" or "moderation: Hide" => NoticeKind.ModeratorActed,
        "consent: Give" or "consent: Decline" or "consent: Withdraw" => NoticeKind.NomineeAnswered,
        _ => null,
    };
}
