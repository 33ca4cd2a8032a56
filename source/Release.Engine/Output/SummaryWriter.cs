using Spectre.Console;

namespace Release.Engine.Output;

/// <summary>Writes the end-of-build table: target, status, duration, skip reason and key figures.</summary>
internal static class SummaryWriter
{
    public static void Write(BuildContext context, IReadOnlyList<TargetResult> results, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Ascii2)
            .AddColumn("Target").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Details");
        foreach (var result in results)
        {
            var details = string.Join("; ", result.Figures.Select(f => $"{f.Key}: {f.Value}").Prepend(result.Reason).Where(d => !string.IsNullOrEmpty(d)));
            table.AddRow(Markup.Escape(result.Name), result.Status.ToString(), Format(result.Duration), Markup.Escape(context.Secrets.Mask(details)));
        }
        var failed = results.Count(r => r.Status is TargetStatus.Failed or TargetStatus.Cancelled or TargetStatus.NotRun);
        table.AddRow("Total", failed == 0 ? "Succeeded" : "Failed", Format(elapsed), failed == 0 ? "" : $"{failed} target(s) did not succeed");

        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.Write(table);
        context.HostLog.Plain("");
        context.HostLog.Plain(writer.ToString().TrimEnd());
    }

    private static string Format(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes}:{duration.Seconds:00}" : $"{duration.TotalSeconds:0.00}s";
}
