using System.Globalization;
using System.Net;
using System.Text;

namespace CitySpiritAwards.Web.Tallying;

/// <summary>One bar: an entry's label and the two parts of its final score, in points out of 100.</summary>
public sealed record ChartBar(string Label, double CommitteePoints, double PublicPoints);

/// <summary>The chart's words, already in the reader's language. <see cref="ValueFormat"/> takes committee, public and final points.</summary>
public sealed record ChartText(string Title, string Description, string CommitteeLegend, string PublicLegend, string ValueFormat);

/// <summary>
/// A horizontal bar chart of final scores as inline SVG, drawn on the server so it reads without JavaScript. Each bar is
/// the committee's points (solid) followed by the public's points (hatched), on a track of 100; the two parts differ
/// in pattern as well as colour, and each bar is labelled with both numbers and their sum. The chart is an image with a
/// title and a description; the page gives the same numbers in a table. Drawn 360 units wide so that on a phone one
/// unit is about one CSS pixel; it scales with its box.
/// </summary>
public static class ResultsChart
{
    private const int Width = 360;
    private const int LegendHeight = 34;
    private const int RowHeight = 64;
    private const int MaxLabelLength = 26;
    private const string CommitteeColour = "#9b1c1c";
    private const string PublicColour = "#1e3a8a";

    public static string Svg(string id, IReadOnlyList<ChartBar> bars, ChartText text)
    {
        var height = LegendHeight + Math.Max(1, bars.Count) * RowHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"results-chart\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">");
        svg.Append($"<title id=\"{id}-title\">{Escape(text.Title)}</title>");
        svg.Append($"<desc id=\"{id}-desc\">{Escape(text.Description)}</desc>");
        svg.Append($"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append($"<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><rect width=\"3\" height=\"6\" fill=\"{PublicColour}\"/></pattern></defs>");

        // Legend: a solid and a hatched swatch, each named.
        svg.Append($"<rect x=\"0\" y=\"6\" width=\"18\" height=\"18\" fill=\"{CommitteeColour}\"/>")
            .Append($"<text x=\"24\" y=\"20\" font-size=\"13\" fill=\"#1a1a1a\">{Escape(text.CommitteeLegend)}</text>")
            .Append($"<rect x=\"180\" y=\"6\" width=\"18\" height=\"18\" fill=\"url(#{id}-hatch)\" stroke=\"{PublicColour}\"/>")
            .Append($"<text x=\"204\" y=\"20\" font-size=\"13\" fill=\"#1a1a1a\">{Escape(text.PublicLegend)}</text>");

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = LegendHeight + i * RowHeight;
            var committee = Scale(bar.CommitteePoints);
            var publicWidth = Scale(bar.PublicPoints);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"14\" font-weight=\"700\" fill=\"#1a1a1a\">{Escape(Shorten(bar.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 22}\" width=\"{Width}\" height=\"20\" fill=\"#efe9dc\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 22}\" width=\"{committee:0.##}\" height=\"20\" fill=\"{CommitteeColour}\"/>");
            if (publicWidth > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{committee:0.##}\" y=\"{y + 22.5}\" width=\"{publicWidth:0.##}\" height=\"19\" fill=\"url(#{id}-hatch)\" stroke=\"{PublicColour}\"/>");
            var value = string.Format(CultureInfo.InvariantCulture, text.ValueFormat,
                ResultsFormat.Points(bar.CommitteePoints), ResultsFormat.Points(bar.PublicPoints), ResultsFormat.Points(bar.CommitteePoints + bar.PublicPoints));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 58}\" font-size=\"13\" fill=\"#4a4a4a\">{Escape(value)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static double Scale(double points) => Math.Clamp(points, 0, 100) / 100 * Width;

    private static string Shorten(string label)
    {
        var info = new StringInfo(label);
        return info.LengthInTextElements <= MaxLabelLength ? label : info.SubstringByTextElements(0, MaxLabelLength - 1) + "…";
    }

    /// <summary>Text as XML character data or attribute value: markup in a nominee's name is shown, never run.</summary>
    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
