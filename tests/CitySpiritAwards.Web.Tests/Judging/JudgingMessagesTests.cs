using System.Reflection;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Localization;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>Every reason the judging rules can give reaches the reader as a sentence in both languages, not as a code.</summary>
public sealed class JudgingMessagesTests
{
    private static readonly StringCatalog Catalog =
        StringCatalog.FromFolder(Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web", "Localization", "Strings"));

    private static IEnumerable<string> Codes(Type type, Func<string, bool>? which = null) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(which ?? (_ => true));

    [Fact]
    public void Every_refusal_scoring_problem_and_rubric_problem_has_a_Chinese_and_an_English_message()
    {
        var keys = Codes(typeof(JudgingRefusals)).Select(c => $"Judging.Refusal.{c}")
            .Concat(new[] { ScoringRules.MarkRequired, ScoringRules.MarkOutOfRange, ScoringRules.UnknownCriterion, ScoringRules.CommentTooLong }
                .Select(c => $"Judging.Problem.{c}"))
            .Concat(Codes(typeof(RubricEditing)).Select(c => $"Judging.RubricProblem.{c}"))
            .ToList();

        var missing = keys.Where(key => !Catalog.Keys.Contains(key)
            || StringCatalog.Cultures.Any(culture => string.IsNullOrWhiteSpace(Catalog.TranslationsOf(key).GetValueOrDefault(culture)))).ToList();

        Assert.True(keys.Count > 20);
        Assert.Empty(missing);
    }
}
