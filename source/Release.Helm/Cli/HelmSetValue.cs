namespace Release.Helm.Cli;

/// <summary>One <c>--set</c> (or <c>--set-string</c>) value for helm.</summary>
/// <param name="Key">The dotted values path, e.g. <c>image.digest</c>.</param>
/// <param name="Value">The value; commas and backslashes are escaped for helm's parser.</param>
public sealed record HelmSetValue(string Key, string Value)
{
    /// <summary>Masks the value in logs and errors (passwords, tokens).</summary>
    public bool IsSecret { get; init; }

    /// <summary>Passes the value with <c>--set-string</c>, so <c>1.10</c> or <c>true</c> stays a string.</summary>
    public bool ForceString { get; init; }

    /// <summary>The <c>KEY=VALUE</c> argument, with <c>\</c> and <c>,</c> in the value escaped (helm splits pairs on commas).</summary>
    public string ToArgument() => $"{Key}={Value.Replace("\\", "\\\\").Replace(",", "\\,")}";
}
