using Release.Tooling.Processes;

namespace Release.Tooling.DotNet;

/// <summary>Thrown when a dotnet command fails with compile or MSBuild errors; lists them with file and line.</summary>
public sealed class DotNetBuildFailedException : Exception
{
    private const int ErrorsInMessage = 20;

    /// <summary>Creates the exception from the process failure and the diagnostics read from its output.</summary>
    public DotNetBuildFailedException(ProcessFailedException failure, IReadOnlyList<DotNetDiagnostic> diagnostics)
        : base(BuildMessage(failure, diagnostics), failure)
    {
        CommandLine = failure.CommandLine;
        ExitCode = failure.ExitCode;
        Diagnostics = diagnostics;
    }

    /// <summary>The command line that failed, masked.</summary>
    public string CommandLine { get; }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>All diagnostics found, errors and warnings.</summary>
    public IReadOnlyList<DotNetDiagnostic> Diagnostics { get; }

    /// <summary>Only the errors.</summary>
    public IReadOnlyList<DotNetDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DotNetDiagnosticSeverity.Error).ToArray();

    private static string BuildMessage(ProcessFailedException failure, IReadOnlyList<DotNetDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DotNetDiagnosticSeverity.Error).ToArray();
        var shown = string.Join('\n', errors.Take(ErrorsInMessage).Select(e => "  " + e));
        var more = errors.Length > ErrorsInMessage ? $"\n  ... and {errors.Length - ErrorsInMessage} more" : "";
        return $"Build failed with {errors.Length} error(s) (exit code {failure.ExitCode}): {failure.CommandLine}\n{shown}{more}";
    }
}
