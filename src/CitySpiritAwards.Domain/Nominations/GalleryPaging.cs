namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// Pages of the public gallery. Whatever page and size a link asks for, the answer is a page that exists: sizes are
/// kept between 1 and <see cref="MaxPageSize"/>, and a page past the end shows the last one.
/// </summary>
public sealed record GalleryPaging(int Page, int PageSize, int Total)
{
    public const int DefaultPageSize = 12;
    public const int MaxPageSize = 48;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    public static GalleryPaging For(int? page, int? pageSize, int total)
    {
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var pages = Math.Max(1, (total + size - 1) / size);
        return new GalleryPaging(Math.Clamp(page ?? 1, 1, pages), size, total);
    }
}
