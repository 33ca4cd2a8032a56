using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>
/// An application of three modules: c needs a (a &lt;- c), b stands alone. Each module builds and pushes (its push
/// record, <c>artifacts/MODULE/digest.txt</c>); one Deploy consumes every module's push record, so a merge request that
/// rebuilds one module must still hand Deploy the records of the modules it did not rebuild.
/// </summary>
public sealed class ThreeModulesBuild : Build, IContinuousIntegration
{
    public static readonly Dictionary<string, string[]> Modules = new() { ["a"] = [], ["b"] = [], ["c"] = ["a"] };

    /// <summary>The module's folder and those of every module it needs: a change to any of them reaches it.</summary>
    private static string[] Folders(string module) =>
        [.. Modules[module].SelectMany(Folders).Append($"modules/{module}/**/*").Distinct().Order(StringComparer.Ordinal)];

    Target Restore => _ => _.Executes(() => { });

    TargetFamily BuildModule => new(Modules.Keys, (module, _) => _
        .DependsOn(Restore)
        .DependsOn(BuildModule, Modules[module])
        .Produces($"artifacts/{module}/image.tar")
        .ChangedBy(Folders(module))
        .Executes(() => { }));

    TargetFamily PushModule => new(Modules.Keys, (module, _) => _
        .DependsOn(BuildModule, [module])
        .Consumes(BuildModule, module)
        .Produces($"artifacts/{module}/digest.txt")
        .ChangedBy(Folders(module))
        .Executes(() => { }));

    Target Deploy => _ => Modules.Keys.Aggregate(_.DependsOn(PushModule), (deploy, module) => deploy.Consumes(PushModule, module))
        .Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => Modules.Keys
        .Aggregate(new CiConfiguration().OnBranches("main").OnMergeRequests(), (ci, module) => ci.Job($"PushModule.{module}"))
        .Job(nameof(Deploy))
        .UseGitLab()
        .UseAzure(vmImage: "ubuntu-24.04");
}
