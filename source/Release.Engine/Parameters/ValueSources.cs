namespace Release.Engine.Parameters;

/// <summary>
/// Words for where a value came from (<see cref="RawValue.Source"/>: an argument's spelling such as
/// <c>--container-port</c>, <c>environment variable NAME</c>, a parameters file, or <c>the prompt</c>) and where to fix it.
/// </summary>
internal static class ValueSources
{
    public static string Describe(string source) =>
        source.StartsWith("--", StringComparison.Ordinal) ? $"the command line ({source})" : source;

    public static string Fix(string source, string argumentName) =>
        source.StartsWith("--", StringComparison.Ordinal) ? $"Fix the value after {source} on the command line, or leave it out to use the default."
        : source.StartsWith("environment variable ", StringComparison.Ordinal) ? $"Fix or unset the {source}."
        : source == "the prompt" ? $"Answer the prompt again, or give {argumentName} on the command line."
        : $"Fix the value in {source}.";
}
