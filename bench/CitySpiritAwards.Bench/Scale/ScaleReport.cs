using System.Globalization;
using System.Text;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>
/// The Markdown report: a table per size with each figure held to issue 11's target, then the growth from the smallest
/// to the largest size (p99, or RSS for the resting memory) with the ≤ 1.5× rule for pages and API calls.
/// </summary>
public static class ScaleReport
{
    public static string Write(ScaleOptions options, IReadOnlyList<SizeResult> sizes, TimeSpan elapsed, string machine)
    {
        var text = new StringBuilder()
            .AppendLine($"## City-scale benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)")
            .AppendLine()
            .AppendLine($"`scale` with {options}. Cluster mode, one silo, PostgreSQL with fsync and synchronous_commit on; every figure through the site's real endpoints.")
            .AppendLine();
        foreach (var size in sizes)
            Size(text, size);
        if (sizes.Count > 1)
            Growth(text, sizes[0], sizes[^1]);
        text.AppendLine($"Whole run {elapsed.TotalMinutes:N1} min; {machine}");
        return text.ToString();
    }

    private static void Size(StringBuilder text, SizeResult size)
    {
        text.AppendLine($"### {size.Size:N0} nominations, {size.Votes:N0} votes ({size.Elapsed.TotalMinutes:N1} min)")
            .AppendLine();
        foreach (var line in size.Seeding)
            text.AppendLine($"- seeding: {line}");
        text.AppendLine($"- machine load average (1 minute, 2 shared cores): {size.LoadAverages}");
        if (size.Failure is not null)
            text.AppendLine($"- **stopped early**: {size.Failure}");
        text.AppendLine()
            .AppendLine("| measurement | ok/sent | p50 | p99 | site RSS peak | target | met |")
            .AppendLine("|---|---:|---:|---:|---:|---|:---:|");
        foreach (var figure in size.Figures)
        {
            var (target, met) = figure.Judge();
            var rss = figure.Kind is FigureKind.FraudScan or FigureKind.Export
                ? $"{Figure.Mib(figure.PeakMiB)} ({figure.AboveMiB.ToString("+0;-0;+0", CultureInfo.InvariantCulture)} MiB)"
                : Figure.Mib(figure.PeakMiB);
            var name = figure.Note is null ? figure.Name : $"{figure.Name} <br><sub>{figure.Note.Replace("|", "/")}</sub>";
            text.AppendLine($"| {name} | {figure.Requests} | {figure.Time(figure.P50Ms)} | {figure.Time(figure.P99Ms)} | {rss} | {target} | {Mark(met)} |");
        }
        text.AppendLine();
    }

    private static void Growth(StringBuilder text, SizeResult small, SizeResult large)
    {
        text.AppendLine($"### Growth: {large.Size:N0} ÷ {small.Size:N0} nominations")
            .AppendLine()
            .AppendLine($"| measurement | at {small.Size:N0} | at {large.Size:N0} | growth | target ≤ 1.5× | met |")
            .AppendLine("|---|---:|---:|---:|---|:---:|");
        foreach (var figure in large.Figures.Where(f => f.Kind != FigureKind.Info))
        {
            if (small.Figures.FirstOrDefault(f => f.Name == figure.Name) is not { } before)
                continue;
            var value = (Figure f) => f.MemoryOnly ? Figure.Mib(f.PeakMiB) : f.Time(f.P99Ms) + " p99";
            var ratio = before.GrowthValue > 0 ? figure.GrowthValue / before.GrowthValue : double.NaN;
            bool? met = figure.HasGrowthTarget ? before.AllOk && figure.AllOk && ratio <= 1.5 : null;
            text.AppendLine($"| {figure.Name} | {value(before)} | {value(figure)} | {ratio:N2}× | {(figure.HasGrowthTarget ? "≤ 1.5×" : "—")} | {Mark(met)} |");
        }
        text.AppendLine();
    }

    private static string Mark(bool? met) => met switch { true => "✅", false => "❌", null => "" };
}
