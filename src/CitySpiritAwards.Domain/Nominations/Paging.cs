namespace CitySpiritAwards.Domain.Nominations;

/// <summary>How long a page of a list is by default and at most.</summary>
public sealed record PageSizes(int Default, int Max)
{
    /// <summary>The public gallery: a dozen cards fill a phone's few screens.</summary>
    public static readonly PageSizes Gallery = new(12, 48);

    /// <summary>The moderators' queue: 50 nominations to work through, 200 for a moderator who selects many at once.</summary>
    public static readonly PageSizes Moderation = new(50, 200);

    /// <summary>A committee member's queue and a chair's list of entries.</summary>
    public static readonly PageSizes Judging = new(50, 200);

    /// <summary>A resident's own nominations across campaigns: a few a campaign, so one page is usually all of them.</summary>
    public static readonly PageSizes Nominator = new(20, 50);
}

/// <summary>
/// A page of a list (the gallery, the moderators' queue). Whatever page and size a link asks for, the answer is a page
/// that exists: sizes are kept between 1 and the list's maximum, and a page past the end shows the last one.
/// </summary>
public sealed record Paging(int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    public static Paging For(int? page, int? pageSize, int total, PageSizes sizes)
    {
        var size = Math.Clamp(pageSize ?? sizes.Default, 1, sizes.Max);
        var pages = Math.Max(1, (total + size - 1) / size);
        return new Paging(Math.Clamp(page ?? 1, 1, pages), size, total);
    }
}
