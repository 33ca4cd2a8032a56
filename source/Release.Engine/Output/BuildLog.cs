using Release.Foundation.Secrets;
namespace Release.Engine.Output;

/// <summary>
/// Writes masked lines, prefixed with the target they came from, to one writer. Concurrent targets interleave by
/// whole lines, and each line says whose it is, so parallel output stays readable. The writer is asked for at the
/// first line: opening the console costs a start-up milliseconds, and it can be opened on another thread meanwhile.
/// </summary>
internal sealed class BuildLog(Func<TextWriter> openWriter, SecretMasker masker, Func<string?> currentTarget) : IBuildLog
{
    private readonly object _gate = new();
    private TextWriter? _writer;

    public void Information(string message) => Write("", message);
    public void Warning(string message) => Write("warning: ", message);
    public void Error(string message) => Write("error: ", message);

    /// <summary>Whether <see cref="Debug"/> lines are written (<c>--verbose</c>).</summary>
    public bool Verbose { get; set; }

    /// <summary>A line for whoever debugs the build (exception types, stacks); written only with <c>--verbose</c>.</summary>
    public void Debug(string message)
    {
        if (Verbose) Write("debug: ", message);
    }

    /// <summary>Writes a line without a target prefix (plan, summary, host messages).</summary>
    public void Plain(string message) => Write("", message, prefix: false);

    private void Write(string level, string message, bool prefix = true)
    {
        var target = prefix ? currentTarget() : null;
        var masked = masker.Mask(message);
        // One write per message, not per line: a console writer flushes every call, and --help is a hundred lines.
        var text = new System.Text.StringBuilder(masked.Length + 64);
        lock (_gate)
        {
            var writer = _writer ??= openWriter();
            foreach (var line in masked.Split('\n'))
            {
                if (target is not null) text.Append('[').Append(target).Append("] ");
                text.Append(level).Append(line.TrimEnd('\r')).Append(writer.NewLine);
            }
            writer.Write(text.ToString());
            writer.Flush();
        }
    }
}
