using System.Globalization;
using CitySpiritAwards.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CitySpiritAwards.Web.Pages.Shared;

/// <summary>
/// The lines of <c>_ErrorSummary</c>: every error of the form, in the reader's language, each led by the label of its
/// field ("被推荐人姓名：请填写此项。", "Nominee's name: please fill this in.") and linked to that field, so a summary
/// of several "please fill this in" still says which fields they are. The label is the one the form shows: the field's
/// <c>[Display(Name = "…")]</c>, which its <c>&lt;label asp-for&gt;</c> renders too. An error whose key leads to no such
/// property (a dictionary entry, a tick box, the form as a whole) is shown as it is: those messages name what they are about.
/// </summary>
public static class ErrorSummary
{
    /// <summary>One line: the id of the field it links to (none for the form as a whole) and its text.</summary>
    public sealed record Line(string? FieldId, string Text);

    /// <summary>
    /// The lines in the order of the fields (the order their properties are declared in, which is the form's): errors
    /// about the form as a whole first, and a field's errors in the order they were found.
    /// </summary>
    public static IReadOnlyList<Line> Lines(ModelStateDictionary modelState, object? model, IModelMetadataProvider metadata, CultureInfo culture) =>
        modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => model is null ? [] : Position(entry.Key, model.GetType(), metadata), PositionOrder.Instance)
            .SelectMany(entry => entry.Value!.Errors.Select(error => LineFor(entry.Key, error.ErrorMessage, model, metadata, culture)))
            .ToList();

    private static Line LineFor(string key, string message, object? model, IModelMetadataProvider metadata, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(key))
            return new Line(null, message);
        var label = model is null ? null : LabelOf(key, model.GetType(), metadata);
        return new Line(AccountPageModel.FieldId(key), label is null ? message : Named(label, message, culture));
    }

    /// <summary>
    /// The display name of the property <paramref name="key"/> names on <paramref name="modelType"/> ("Input.Email",
    /// "Form.NomineeName"); null when there is no such property (indexed keys such as "Input.Starts[Screening]" included)
    /// or it has no display name.
    /// </summary>
    public static string? LabelOf(string key, Type modelType, IModelMetadataProvider metadata)
    {
        var current = metadata.GetMetadataForType(modelType);
        foreach (var name in key.Split('.'))
        {
            var property = current.Properties[name];
            if (property is null)
                return null;
            current = property;
        }
        return string.IsNullOrWhiteSpace(current.DisplayName) ? null : current.DisplayName;
    }

    /// <summary>
    /// Where the key's field comes among the model's properties: the index of each property on its path ("Input.Email" →
    /// [Input's, Email's]); an indexed segment ("Starts[Screening]") counts as its property; a segment that names no
    /// property ends the path.
    /// </summary>
    private static List<int> Position(string key, Type modelType, IModelMetadataProvider metadata)
    {
        var position = new List<int>();
        var current = metadata.GetMetadataForType(modelType);
        foreach (var segment in key.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var index = current.Properties.ToList().FindIndex(property => property.PropertyName == name);
            if (index < 0)
                break;
            position.Add(index);
            current = current.Properties[index];
        }
        return position;
    }

    /// <summary>Paths compared index by index; a shorter path (the form, or a property whose field is not found) first.</summary>
    private sealed class PositionOrder : IComparer<List<int>>
    {
        public static readonly PositionOrder Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
                if (x[i] != y[i])
                    return x[i].CompareTo(y[i]);
            return x.Count.CompareTo(y.Count);
        }
    }

    /// <summary>
    /// "标签：消息" in Chinese; "Label: message" in English, the message's first letter made small unless it starts a
    /// word in capitals ("URL", "I").
    /// </summary>
    public static string Named(string label, string message, CultureInfo culture)
    {
        if (culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            return $"{label}：{message}";
        var lowered = message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLower(message[0], culture) + message[1..]
            : message;
        return $"{label}: {lowered}";
    }
}
