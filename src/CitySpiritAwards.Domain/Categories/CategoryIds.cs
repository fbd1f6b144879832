namespace CitySpiritAwards.Domain.Categories;

/// <summary>The four stable category ids (DOMAIN.md); the order is the order of the city spirit's phrases.</summary>
public static class CategoryIds
{
    public const string Inclusiveness = "inclusiveness";
    public const string Excellence = "excellence";
    public const string Wisdom = "wisdom";
    public const string Magnanimity = "magnanimity";

    public static readonly IReadOnlyList<string> All = [Inclusiveness, Excellence, Wisdom, Magnanimity];

    public static bool IsKnown(string id) => All.Contains(id, StringComparer.Ordinal);
}
