namespace CitySpiritAwards.Domain.Localization;

/// <summary>A text in both of the site's languages. Every user-facing text in seeds and data is one of these.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    /// <summary>The text for a culture name such as "zh-CN" or "en-GB"; English for anything not Chinese.</summary>
    public string For(string cultureName) =>
        cultureName.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhCn : En;

    public bool IsComplete => !string.IsNullOrWhiteSpace(ZhCn) && !string.IsNullOrWhiteSpace(En);
}
