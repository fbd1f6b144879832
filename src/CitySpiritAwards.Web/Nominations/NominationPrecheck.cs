using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Nominations;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>
/// The cheap checks of a nomination form, made from its text fields before any of its photos is decoded: whether it
/// can be taken at all (the campaign's phase, the resident's quota, whose nomination it is) and whether its fields are
/// right (the nomination rules, and not the nominator's own email). A form refused here costs no decode. The grains
/// still decide when the form is stored; this only keeps expensive work from being done for nothing.
/// </summary>
public sealed class NominationPrecheck(
    Func<IFormCollection, Task<NominationOutcome?>> refusal, Func<Task<string?>> accountEmail, KnownDistricts districts, string prefix)
{
    private string? _accountEmail;
    private bool _accountEmailRead;

    /// <summary>Why the form cannot be taken, once <see cref="BeforePhotosAsync"/> ran; null when it can.</summary>
    public NominationOutcome? Refusal { get; private set; }

    /// <summary>Runs once per form, before its first file (or at its end when there is none).</summary>
    public async Task<PhotoReading> BeforePhotosAsync(IFormCollection fields)
    {
        Refusal = await refusal(fields);
        if (Refusal is not null)
            return PhotoReading.Skip;
        return (await ProblemsAsync(NominationInput.DraftFrom(fields, prefix))).Count > 0 ? PhotoReading.HeaderOnly : PhotoReading.Decode;
    }

    /// <summary>Everything wrong with the fields, all at once: the nomination rules, and the nominator's own email given as the nominee's.</summary>
    public async Task<IReadOnlyList<NominationProblem>> ProblemsAsync(NominationDraft draft)
    {
        if (!_accountEmailRead)
            (_accountEmail, _accountEmailRead) = (await accountEmail(), true);
        var problems = NominationValidator.Validate(draft with { PhotoCount = 0 }, CategoryIds.All, districts.Ids).ToList();
        if (NominationValidator.NomineeIsNominator(draft.NomineeEmail, _accountEmail) is { } own)
            problems.Add(own);
        return problems;
    }
}
