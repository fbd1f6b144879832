namespace CitySpiritAwards.Web.Identity;

/// <summary>The site's roles. Each one is also the name of an authorization policy requiring it.</summary>
public static class Roles
{
    /// <summary>Signed in with a confirmed email: may nominate and vote. Given when the email is confirmed.</summary>
    public const string Resident = nameof(Resident);
    public const string Moderator = nameof(Moderator);
    public const string CommitteeMember = nameof(CommitteeMember);
    public const string CommitteeChair = nameof(CommitteeChair);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All = [Resident, Moderator, CommitteeMember, CommitteeChair, Administrator];
}
