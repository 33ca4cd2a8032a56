using Spectre.Console;

namespace Release.Engine.Output;

/// <summary>Writes the end-of-build table: target, status, duration, skip reason and key figures.</summary>
internal static class SummaryWriter
{
    /// <summary>Above this many rows, plain successes without figures are counted instead of listed: nobody reads 2,000 rows.</summary>
    private const int FullTableLimit = 200;

    public static void Write(BuildContext context, IReadOnlyList<TargetResult> results, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Ascii2)
            .AddColumn("Target").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Details");
        var listed = results.Count <= FullTableLimit ? results
            : results.Where(r => r.Status is not (TargetStatus.Succeeded or TargetStatus.UpToDate) || r.Figures.Count > 0).ToList();
        foreach (var result in listed)
        {
            var details = string.Join(
                "; ",
                result.Figures.Select(f => $"{f.Key}: {f.Value}").Prepend(result.Reason).Where(d => !string.IsNullOrEmpty(d)));
            table.AddRow(Markup.Escape(result.Name), result.Status.ToString(), Format(result.Duration), Markup.Escape(context.Secrets.Mask(details)));
        }
        if (listed.Count < results.Count)
            table.AddRow("...", "Succeeded", "", $"{results.Count - listed.Count} more targets succeeded or were up to date");
        var failed = results.Count(r => r.Status is TargetStatus.Failed or TargetStatus.Cancelled or TargetStatus.NotRun);
        table.AddRow("Total", failed == 0 ? "Succeeded" : "Failed", Format(elapsed), failed == 0 ? "" : $"{failed} target(s) did not succeed");

        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(
                writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.Write(table);
        context.HostLog.Plain("");
        context.HostLog.Plain(writer.ToString().TrimEnd());
    }

    private static string Format(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes}:{duration.Seconds:00}" : $"{duration.TotalSeconds:0.00}s";
}
