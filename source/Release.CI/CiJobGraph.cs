using Release.CI.Planning;
using Release.Engine;

namespace Release.CI;

/// <summary>
/// The planned CI jobs as a vendor-neutral graph (the jobs both CI files render), for pictures and documents of the
/// pipeline: each job with its GitLab name, command, the jobs it waits for, and whether a person starts it.
/// </summary>
public static class CiJobGraph
{
    /// <summary>The jobs of <paramref name="configuration"/> in dependency order; throws <see cref="BuildDefinitionException"/> like <see cref="CiFiles.Generate"/>.</summary>
    /// <param name="graph">The build's target graph.</param>
    /// <param name="configuration">The declared CI configuration.</param>
    /// <param name="buildClass">The build class, named in messages.</param>
    public static IReadOnlyList<CiJobSummary> Plan(TargetGraph graph, CiConfiguration configuration, string buildClass) =>
        CiPipeline.Plan(graph, configuration, buildClass).Jobs
            .Select(j => new CiJobSummary(j.GitLabName, j.Command, j.Targets.ToArray(),
                j.Needs.Select(n => n.Job.GitLabName).Distinct().ToArray(), j.Manual, j.Environment?.Name))
            .ToArray();
}

/// <summary>One planned CI job.</summary>
/// <param name="Name">The job's name (as GitLab shows it).</param>
/// <param name="Command">The command the job runs.</param>
/// <param name="Targets">The targets it runs.</param>
/// <param name="Needs">The names of the jobs it waits for.</param>
/// <param name="Manual">True when a person starts it.</param>
/// <param name="Environment">The environment it deploys to or works on, or null.</param>
public sealed record CiJobSummary(
    string Name, string Command, IReadOnlyList<string> Targets, IReadOnlyList<string> Needs, bool Manual, string? Environment);
