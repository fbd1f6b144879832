using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Categories;

/// <summary>One of the four City Spirit Awards, one per phrase of the city spirit.</summary>
/// <param name="Id">Stable id used in URLs and data, e.g. "inclusiveness".</param>
/// <param name="Name">The spirit phrase, e.g. 海纳百川 / Embracing All Rivers.</param>
/// <param name="Description">What the award honours, in a sentence or two.</param>
/// <param name="Cues">Short examples of what the award honours, shown to nominators and judges.</param>
public sealed record Category(
    string Id,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyList<LocalizedText> Cues,
    Rubric Rubric);
