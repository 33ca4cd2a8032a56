using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>
/// An application of modules declared from data (<see cref="Graph"/>: each module and the modules it needs): one
/// BuildModule and one PushModule target per module, BuildModule members related along the module graph, each changed
/// by its folder and its dependencies' folders, and one Deploy after every push.
/// </summary>
public abstract class ModuleApplicationBuild : Build, IContinuousIntegration
{
    /// <summary>Each module and the modules it needs.</summary>
    protected abstract IReadOnlyDictionary<string, string[]> Graph { get; }

    /// <summary>Whether Deploy consumes every module's push record (so CI must hand it records of modules it did not rebuild).</summary>
    protected virtual bool DeployConsumesEveryPush => false;

    /// <summary>The module's folder and those of every module it needs: a change to any of them reaches it.</summary>
    private string[] Folders(string module) =>
        [.. Graph[module].SelectMany(Folders).Append($"modules/{module}/**/*").Distinct().Order(StringComparer.Ordinal)];

    Target Restore => _ => _.Executes(() => { });

    TargetFamily BuildModule => new(Graph.Keys, (module, _) => _
        .DependsOn(Restore)
        .DependsOn(BuildModule, Graph[module])
        .Produces($"artifacts/{module}/image.tar")
        .ChangedBy(Folders(module))
        .Executes(() => { }));

    TargetFamily PushModule => new(Graph.Keys, (module, _) => _
        .DependsOn(BuildModule, [module])
        .Consumes(BuildModule, module)
        .Produces($"artifacts/{module}/digest.txt")
        .ChangedBy(Folders(module))
        .Executes(() => { }));

    Target Deploy => _ => (DeployConsumesEveryPush ? Graph.Keys : Enumerable.Empty<string>())
        .Aggregate(_.DependsOn(PushModule), (deploy, module) => deploy.Consumes(PushModule, module))
        .Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => Graph.Keys
        .Aggregate(new CiConfiguration().OnBranches("main").OnMergeRequests(), (ci, module) => ci.Job($"PushModule.{module}"))
        .Job(nameof(Deploy))
        .UseGitLab()
        .UseAzure(vmImage: "ubuntu-24.04");
}
