using Release.Foundation.Secrets;
using System.Collections.Frozen;
using Release.Tooling.Processes;

namespace Release.Tooling.DotNet;

/// <summary>
/// Runs the dotnet CLI through <see cref="ProcessRunner"/> with a quiet, machine-readable set-up, and turns
/// build failures into <see cref="DotNetBuildFailedException"/> with file and line of each error.
/// </summary>
public sealed class DotNetClient
{
    private static readonly IReadOnlyDictionary<string, string?> QuietEnvironment = new Dictionary<string, string?>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",      // messages the parser can read
        ["MSBUILDTERMINALLOGGER"] = "off",       // the classic logger prints the canonical error format
        ["MSBUILDDISABLENODEREUSE"] = "1",       // no build nodes outliving the command and holding its pipes open
        // When this code itself runs under dotnet (a build script, a test host), the parent's MSBuild and VSTest
        // variables leak into the child and could pin it to the parent's SDK paths and test platform settings.
        // Remove them so the child behaves as if started from a clean shell.
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBUILDENSURESTDOUTFORTASKPROCESSES"] = null,
        ["_MSBUILDTLENABLED"] = null,
        ["VSTEST_DOTNET_ROOT_PATH"] = null,
        ["VSTEST_DOTNET_ROOT_ARCHITECTURE"] = null,
        ["VSTEST_MSBUILD_NOLOGO"] = null,
    }.ToFrozenDictionary();

    private readonly IProcessRunner _runner;
    private readonly Action<string>? _log;
    private readonly IReadOnlyCollection<string> _secrets;
    private readonly TimeSpan? _timeout;

    /// <summary>Creates a client; <paramref name="log"/> receives the command line and every output line.</summary>
    public DotNetClient(IProcessRunner? runner = null, Action<string>? log = null, IEnumerable<string>? secrets = null, TimeSpan? timeout = null)
    {
        _runner = runner ?? new ProcessRunner();
        _log = log;
        _secrets = (secrets ?? []).ToArray();
        _timeout = timeout;
    }

    /// <summary>Runs <c>dotnet restore</c>.</summary>
    public Task<ProcessResult> RestoreAsync(DotNetRestoreSettings settings, string? workingDirectory = null, CancellationToken ct = default) =>
        RunBuildLikeAsync(settings.ToArguments(), workingDirectory, ct);

    /// <summary>Runs <c>dotnet build</c> and returns the warnings it reported.</summary>
    /// <exception cref="DotNetBuildFailedException">The build failed with errors; each has file, line and code.</exception>
    public async Task<IReadOnlyList<DotNetDiagnostic>> BuildAsync(
        DotNetBuildSettings settings,
        string? workingDirectory = null,
        CancellationToken ct = default)
    {
        var result = await RunBuildLikeAsync(settings.ToArguments(), workingDirectory, ct).ConfigureAwait(false);
        return DotNetDiagnosticParser.Parse(result.Output.Concat(result.Error));
    }

    /// <summary>Runs <c>dotnet test</c>; failing tests throw <see cref="ProcessFailedException"/> with the last lines of output.</summary>
    /// <exception cref="DotNetBuildFailedException">The test project did not compile.</exception>
    public Task<ProcessResult> TestAsync(DotNetTestSettings settings, string? workingDirectory = null, CancellationToken ct = default) =>
        RunBuildLikeAsync(settings.ToArguments(), workingDirectory, ct);

    /// <summary>Runs <c>dotnet publish</c>.</summary>
    /// <exception cref="DotNetBuildFailedException">The project did not compile.</exception>
    public Task<ProcessResult> PublishAsync(DotNetPublishSettings settings, string? workingDirectory = null, CancellationToken ct = default) =>
        RunBuildLikeAsync(settings.ToArguments(), workingDirectory, ct);

    /// <summary>Evaluates one MSBuild property of <paramref name="project"/> (<c>dotnet msbuild -getProperty</c>), e.g. <c>TargetPath</c>.</summary>
    public async Task<string> GetPropertyAsync(
        string project,
        string property,
        IReadOnlyDictionary<string, string>? properties = null,
        CancellationToken ct = default)
    {
        var result = await RunAsync(
            ["msbuild", project, $"-getProperty:{property}", .. MsBuildProperty.FormatAll(properties ?? new Dictionary<string, string>())],
            Path.GetDirectoryName(project),
            allowNonZeroExit: false,
            ct).ConfigureAwait(false);
        return result.OutputText.Trim();
    }

    /// <summary>Returns the SDK version, e.g. <c>10.0.401</c> (as selected by global.json in <paramref name="workingDirectory"/>).</summary>
    public async Task<string> VersionAsync(string? workingDirectory = null, CancellationToken ct = default)
    {
        var result = await RunAsync(["--version"], workingDirectory, allowNonZeroExit: false, ct).ConfigureAwait(false);
        return result.OutputText.Trim();
    }

    private async Task<ProcessResult> RunBuildLikeAsync(IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken ct)
    {
        // Errors can be far above the last lines a ProcessFailedException keeps, so read the whole output here.
        var result = await RunAsync(arguments, workingDirectory, allowNonZeroExit: true, ct).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return result;
        }
        var allLines = result.Output.Concat(result.Error).ToArray();
        var failure = new ProcessFailedException(
            CommandLineFormatter.Format("dotnet", arguments, new SecretMasker(_secrets)), result.ExitCode, allLines.TakeLast(20).ToArray());
        var diagnostics = DotNetDiagnosticParser.Parse(allLines);
        if (diagnostics.Any(d => d.Severity == DotNetDiagnosticSeverity.Error))
        {
            throw new DotNetBuildFailedException(failure, diagnostics);
        }
        throw failure;
    }

    private Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, string? workingDirectory, bool allowNonZeroExit, CancellationToken ct)
    {
        _log?.Invoke("> " + CommandLineFormatter.Format("dotnet", arguments, new SecretMasker(_secrets)));
        return _runner.RunAsync(new ProcessSpec("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            Environment = QuietEnvironment,
            Secrets = _secrets,
            OnOutput = _log,
            Timeout = _timeout,
            AllowNonZeroExit = allowNonZeroExit,
        }, ct);
    }
}
