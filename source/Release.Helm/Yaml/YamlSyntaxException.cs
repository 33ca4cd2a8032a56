namespace Release.Helm.Yaml;

/// <summary>A YAML file could not be parsed (or its shape is wrong); the message names the file and line, and <see cref="Line"/> holds the
/// line.</summary>
public sealed class YamlSyntaxException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public YamlSyntaxException(string message, int line, Exception? inner) : base(message, inner) => Line = line;

    /// <summary>The 1-based line at or just before the error.</summary>
    public int Line { get; }
}
