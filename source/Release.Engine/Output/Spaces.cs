using System.Text;

namespace Release.Engine.Output;

/// <summary>Indentation and padding for the text the engine writes at start (help, schema).</summary>
internal static class Spaces
{
    // Copied from a constant rather than written by StringBuilder.Append(' ', n) or PadRight, which fill with vector
    // code the runtime's precompiled image leaves out on machines with wide vectors, so every start JIT-compiled it.
    private const string Run = "                                                                ";

    /// <summary>Appends <paramref name="count"/> spaces (none when it is zero or less).</summary>
    public static StringBuilder AppendSpaces(this StringBuilder text, int count)
    {
        for (; count > 0; count -= Run.Length) text.Append(Run, 0, Math.Min(count, Run.Length));
        return text;
    }
}
