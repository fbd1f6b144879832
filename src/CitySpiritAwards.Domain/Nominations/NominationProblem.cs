namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// One thing wrong with a draft: the field (<see cref="NominationFields"/>), a stable code (<see cref="ProblemCodes"/>)
/// the web layer turns into a message in the reader's language, and the numbers that message needs.
/// Length problems carry (limit, actual), e.g. ("NomineeName", "too-long", 40, 41).
/// </summary>
public sealed record NominationProblem(string Field, string Code, params object[] Arguments)
{
    public bool Equals(NominationProblem? other) =>
        other is not null && Field == other.Field && Code == other.Code && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Field, Code, Arguments.Length);

    public override string ToString() =>
        Arguments.Length == 0 ? $"{Field}: {Code}" : $"{Field}: {Code} ({string.Join(", ", Arguments)})";
}

/// <summary>The codes a <see cref="NominationProblem"/> may carry. They are part of the contract with the web layer: never rename one.</summary>
public static class ProblemCodes
{
    /// <summary>Empty (or only whitespace).</summary>
    public const string Required = "required";
    /// <summary>Arguments: minimum length, actual length.</summary>
    public const string TooShort = "too-short";
    /// <summary>Arguments: maximum length, actual length.</summary>
    public const string TooLong = "too-long";
    /// <summary>Control characters, invalid UTF-16 (an unpaired surrogate) or Unicode noncharacters.</summary>
    public const string InvalidCharacters = "invalid-characters";
    /// <summary>Not one of the ids the site knows (category, district, relationship).</summary>
    public const string Unknown = "unknown";
    public const string InvalidEmail = "invalid-email";
    /// <summary>Arguments: maximum number of photos, actual number.</summary>
    public const string TooManyPhotos = "too-many-photos";
    /// <summary>The nominee's email is the nominator's own account email: the nominator would answer for the nominee.</summary>
    public const string NominatorsOwnEmail = "nominators-own-email";
}
