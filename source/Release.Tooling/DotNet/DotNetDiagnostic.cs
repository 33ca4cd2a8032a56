namespace Release.Tooling.DotNet;

/// <summary>Whether a compiler or MSBuild message is an error or a warning.</summary>
public enum DotNetDiagnosticSeverity
{
    /// <summary>The build fails.</summary>
    Error,

    /// <summary>The build goes on.</summary>
    Warning,
}

/// <summary>One error or warning from build output, e.g. <c>src/A.cs(12,5): error CS1002: ; expected</c>.</summary>
/// <param name="File">The source file (or a tool name such as <c>MSBUILD</c> or <c>CSC</c> when there is no file).</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">The diagnostic code, e.g. <c>CS1002</c>, <c>NU1101</c>, <c>MSB1009</c>.</param>
/// <param name="Message">The message text.</param>
/// <param name="Project">The project that reported it, when MSBuild named one.</param>
public sealed record DotNetDiagnostic(
    string File, int? Line, int? Column, DotNetDiagnosticSeverity Severity, string Code, string Message, string? Project)
{
    /// <summary>The diagnostic in MSBuild's own form, so editors and CI can link to the line.</summary>
    public override string ToString()
    {
        var position = Line is { } line ? Column is { } column ? $"({line},{column})" : $"({line})" : "";
        return $"{File}{position}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
