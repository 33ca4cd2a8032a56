namespace Release.Environments.Rendering;

/// <summary>One place where the environment repository differs from what the configuration source renders.</summary>
/// <param name="Environment">The environment the file belongs to.</param>
/// <param name="Path">The file, relative to the repository root.</param>
/// <param name="Field">The field that differs (a ConfigMap key, a line), or null for the whole file.</param>
/// <param name="Expected">What the source renders (null: the file should not exist).</param>
/// <param name="Found">What the repository holds (null: the file is missing).</param>
public sealed record EnvironmentDifference(string Environment, string Path, string? Field, string? Expected, string? Found)
{
    /// <inheritdoc />
    public override string ToString() => (Expected, Found) switch
    {
        (null, _) => $"{Environment}: {Path} is not rendered by the configuration source (a hand-made file)",
        (_, null) when Field is null => $"{Environment}: {Path} is missing",
        _ => $"{Environment}: {Path}{(Field is null ? "" : $" {Field}")}: expected '{Expected}', found '{Found}'",
    };
}
