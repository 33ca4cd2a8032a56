using System.Runtime.CompilerServices;

namespace Release.Engine;

/// <summary>
/// Base class of a build definition. Declare targets as <see cref="Target"/> properties and parameters as fields or
/// properties marked <see cref="ParameterAttribute"/>; run it with <see cref="Hosting.BuildHost"/>.
/// </summary>
public abstract class Build : IBuild
{
    private BuildContext? _context;

    /// <inheritdoc />
    public BuildContext Context => _context ?? throw new BuildDefinitionException(
        "The build has no context yet: create and run builds through BuildHost, not with 'new'.");

    /// <summary>The build's root directory.</summary>
    protected AbsolutePath RootDirectory => Context.RootDirectory;

    /// <summary>Where targets write what they produce: <c>RootDirectory/artifacts</c>.</summary>
    protected AbsolutePath ArtifactsDirectory => Context.RootDirectory / "artifacts";

    /// <summary>The log: lines are prefixed with the running target's name and secrets are masked.</summary>
    protected IBuildLog Log => Context.Log;

    /// <summary>Adds a key figure to the current target's line in the summary.</summary>
    protected void ReportSummary(string key, string value) => Context.ReportSummary(key, value);

    /// <summary>Reads a parameter's value by member (normally injected into fields instead).</summary>
    protected T? TryGetValue<T>(Func<T> parameter, [CallerArgumentExpression(nameof(parameter))] string? parameterText = null) =>
        ((IBuild)this).TryGetValue(parameter, parameterText);

    internal void Attach(BuildContext context) => _context = context;
}
