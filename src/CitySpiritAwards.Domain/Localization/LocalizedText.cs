namespace CitySpiritAwards.Domain.Localization;

/// <summary>A text in both of the site's languages. Every user-facing text in seeds and data is one of these.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    /// <summary>The text for a culture name such as "zh-CN" or "en-GB"; English for anything not Chinese.</summary>
    public string For(string cultureName) => IsChinese(cultureName) ? ZhCn : En;

    /// <summary>Whether a culture name ("zh-CN", "zh-Hans", "ZH") reads the site in Chinese; every other reads it in English.</summary>
    public static bool IsChinese(string cultureName) => cultureName.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public bool IsComplete => !string.IsNullOrWhiteSpace(ZhCn) && !string.IsNullOrWhiteSpace(En);
}
