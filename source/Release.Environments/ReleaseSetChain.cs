using Release.Engine;
using Release.Process.Applications.Releases;

namespace Release.Environments;

/// <summary>
/// The promotion chain of application releases read from the declared environments: one step per declared step, its
/// group's environments promoted as one batch (<see cref="BatchPromotionPlanner"/>); the check already holds every
/// environment of a step to one group.
/// </summary>
public static class ReleaseSetChain
{
    /// <summary>Makes the chain.</summary>
    /// <param name="environments">The checked environments.</param>
    /// <param name="requireBlessing">Environments that take only blessed sets (e.g. the release process's production-like ones);
    /// a step requires blessing when one of its environments does.</param>
    /// <param name="partialSuccessGroups">Groups whose batch may keep the environments that succeeded when another failed (default none).</param>
    /// <exception cref="BuildInputException">A name given matches no declared environment or group; the message lists them.</exception>
    public static SetChain Of(CheckedEnvironments environments, IEnumerable<string> requireBlessing, IEnumerable<string>? partialSuccessGroups = null)
    {
        ArgumentNullException.ThrowIfNull(environments);
        var blessing = requireBlessing.ToHashSet(StringComparer.Ordinal);
        var partial = (partialSuccessGroups ?? []).ToHashSet(StringComparer.Ordinal);
        var problems = blessing.Where(name => environments.Environments.All(e => e.Name != name))
            .Select(name => $"environment '{name}' takes only blessed releases but is not declared (environments: " +
                            $"{string.Join(", ", environments.Environments.Select(e => e.Name))}). Declare it, or fix the name.")
            .Concat(partial.Where(group => environments.Environments.All(e => e.Group != group))
                .Select(group => $"group '{group}' allows partial success but no environment is in it (groups: " +
                                 $"{string.Join(", ", environments.Environments.Select(e => e.Group).Distinct())}). Fix the name, or add " +
                                     $".Group(\"{group}\")."))
            .ToList();
        if (problems.Count > 0) throw new BuildInputException("The application release chain: " + string.Join(" ", problems));
        return new SetChain(environments.Environments.GroupBy(e => e.Step).OrderBy(g => g.Key).Select(step =>
        {
            var group = step.First().Group;
            return new ChainStep(group, step.Select(e => e.Name).ToList(), step.Any(e => blessing.Contains(e.Name)), partial.Contains(group));
        }));
    }
}
