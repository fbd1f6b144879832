namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// The limits a nomination must keep. Names and stories are measured in characters as a reader sees them
/// (extended grapheme clusters, <see cref="NominationText.Length"/>): 林, é typed as e + accent, 🇨🇳 and a family
/// emoji made of several code points each count as one, the way the page's live counter (Intl.Segmenter) counts.
/// </summary>
public static class NominationLimits
{
    /// <summary>Two, so two-character Chinese names such as 王芳 fit.</summary>
    public const int NomineeNameMinLength = 2;
    public const int NomineeNameMaxLength = 40;

    /// <summary>Per language present: a Chinese and an English story are each 50-2000.</summary>
    public const int StoryMinLength = 50;
    public const int StoryMaxLength = 2000;

    /// <summary>In UTF-8 bytes, the longest address SMTP can deliver to (RFC 5321 path limit less the angle brackets).</summary>
    public const int EmailMaxLength = 254;

    public const int MaxPhotos = 3;
}
