namespace Release.Engine.Output;

/// <summary>
/// Writes masked lines, prefixed with the target they came from, to one writer. Concurrent targets interleave by
/// whole lines, and each line says whose it is, so parallel output stays readable.
/// </summary>
internal sealed class BuildLog(TextWriter writer, SecretMasker masker, Func<string?> currentTarget) : IBuildLog
{
    private readonly object _gate = new();

    public void Information(string message) => Write("", message);
    public void Warning(string message) => Write("warning: ", message);
    public void Error(string message) => Write("error: ", message);

    /// <summary>Writes a line without a target prefix (plan, summary, host messages).</summary>
    public void Plain(string message) => Write("", message, prefix: false);

    private void Write(string level, string message, bool prefix = true)
    {
        var target = prefix ? currentTarget() : null;
        var masked = masker.Mask(message);
        lock (_gate)
        {
            foreach (var line in masked.Split('\n'))
                writer.WriteLine(target is null ? $"{level}{line.TrimEnd('\r')}" : $"[{target}] {level}{line.TrimEnd('\r')}");
            writer.Flush();
        }
    }
}
