using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>
/// Which of a nomination's stories to show a reader: the one in their language when it was written, else the other one,
/// marked with its own <see cref="Lang"/> and flagged <see cref="IsOtherLanguage"/> so the page says so ("Written in
/// Chinese only.") rather than switching language silently. Render it with the <c>_Story</c> partial.
/// </summary>
public sealed record StoryText(string Text, string Lang, bool IsOtherLanguage)
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static StoryText For(string? storyZh, string? storyEn, string culture)
    {
        var wantsChinese = LocalizedText.IsChinese(culture);
        var (preferred, other) = wantsChinese ? (storyZh, storyEn) : (storyEn, storyZh);
        var (preferredLang, otherLang) = wantsChinese ? (Chinese, English) : (English, Chinese);
        return string.IsNullOrWhiteSpace(preferred) && !string.IsNullOrWhiteSpace(other)
            ? new StoryText(other, otherLang, IsOtherLanguage: true)
            : new StoryText(preferred ?? "", preferredLang, IsOtherLanguage: false);
    }

    /// <summary>The story in the language not shown by <see cref="For"/>, when there is one (for pages that show both).</summary>
    public static StoryText? Other(string? storyZh, string? storyEn, string culture)
    {
        var shown = For(storyZh, storyEn, culture);
        var other = shown.Lang == Chinese ? storyEn : storyZh;
        return shown.IsOtherLanguage || string.IsNullOrWhiteSpace(other)
            ? null
            : new StoryText(other, shown.Lang == Chinese ? English : Chinese, IsOtherLanguage: false);
    }

    /// <summary>The key of the note before a story in the other language: "Written in Chinese only." / "仅有英文版本。".</summary>
    public string? NoteKey => IsOtherLanguage ? (Lang == Chinese ? "Nomination.Story.OnlyChinese" : "Nomination.Story.OnlyEnglish") : null;
}
