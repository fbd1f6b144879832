namespace CitySpiritAwards.Web.Nominations;

/// <summary>Which of a nomination's stories to show: the reader's language when written, else the other one (marked with its own lang).</summary>
public static class StoryText
{
    public static (string Text, string Lang) For(string? storyZh, string? storyEn, string culture)
    {
        var wantsChinese = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return (wantsChinese ? storyZh : storyEn) is { Length: > 0 } preferred
            ? (preferred, wantsChinese ? "zh-CN" : "en")
            : storyZh is { Length: > 0 } ? (storyZh, "zh-CN") : (storyEn ?? "", "en");
    }
}
