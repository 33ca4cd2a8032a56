using Release.Engine;

namespace Release.CI.Planning;

/// <summary>
/// Collects every problem found in a CI configuration, so one run reports them all, each naming its place and its fix.
/// </summary>
internal sealed class CiProblems(string buildClass)
{
    private readonly List<string> _problems = [];

    /// <summary>Records a problem at <paramref name="place"/> (e.g. <c>Deploy(environment 'prod')</c>).</summary>
    public void Add(string place, string problem, string fix) => _problems.Add($"{place}: {problem}. Fix: {fix}.");

    /// <summary>Whether anything was recorded.</summary>
    public bool Any => _problems.Count > 0;

    /// <summary>Throws a <see cref="BuildDefinitionException"/> listing every problem, if there is one.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count == 0) return;
        throw new BuildDefinitionException(
            $"The CI configuration of build class {buildClass} has {_problems.Count} problem(s); nothing was written:" +
            string.Concat(_problems.Select(p => Environment.NewLine + "  - " + p)));
    }
}
