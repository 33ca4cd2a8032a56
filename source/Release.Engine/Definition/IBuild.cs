using System.Runtime.CompilerServices;
using Release.Engine.Definition;

namespace Release.Engine;

/// <summary>
/// The build interface. A build class derives from <see cref="Build"/>; components are interfaces that derive from
/// <see cref="IBuild"/> and declare targets and parameters with default implementations.
/// </summary>
public interface IBuild
{
    /// <summary>The running build's context: root directory, log, parameters, summary. One per run; never static.</summary>
    BuildContext Context { get; }

    /// <summary>The build's root directory (the folder holding <c>.nuke/</c>).</summary>
    AbsolutePath RootDirectory => Context.RootDirectory;

    /// <summary>Where targets write what they produce: <c>RootDirectory/artifacts</c>.</summary>
    AbsolutePath ArtifactsDirectory => Context.RootDirectory / "artifacts";

    /// <summary>The log: lines are prefixed with the running target's name and secrets are masked.</summary>
    IBuildLog Log => Context.Log;

    /// <summary>
    /// Reads a parameter's value from the command line, environment or parameters files; for component parameters,
    /// which cannot be fields: <c>[Parameter] string Configuration =&gt; TryGetValue(() =&gt; Configuration) ?? "Release";</c>.
    /// </summary>
    T? TryGetValue<T>(Func<T> parameter, [CallerArgumentExpression(nameof(parameter))] string? parameterText = null) =>
        Context.Parameters.Get<T>(MemberNames.Of(parameterText));

    /// <summary>Adds a key figure to the current target's line in the summary (e.g. coverage, image digest).</summary>
    void ReportSummary(string key, string value) => Context.ReportSummary(key, value);
}
