namespace CitySpiritAwards.Domain.Tallying;

/// <summary>
/// Administrators review held votes in groups, never one by one: a group is the waiting votes one signal flagged from one
/// network (or, for the groups too small on their own, all the waiting votes of that signal). A group can be counted
/// (cleared) or confirmed as fraud only when it holds at least <c>minimumGroup</c> votes, so no decision, and no tally
/// that moves after one, stands for one person's vote. Counts below it are not shown in exports either.
/// </summary>
public static class HoldReview
{
    /// <summary>The smallest group decided at once, and the smallest count an export shows (fewer read "&lt;5").</summary>
    public const int DefaultMinimumGroup = 5;

    public static bool CanDecide(int waiting, int minimumGroup) => waiting >= Math.Max(1, minimumGroup);

    /// <summary>A count as an export shows it: as it is when 0 or at least <paramref name="minimumGroup"/>, else "&lt;k".</summary>
    public static string Cell(long count, int minimumGroup) =>
        count == 0 || count >= minimumGroup ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"<{minimumGroup}";
}
