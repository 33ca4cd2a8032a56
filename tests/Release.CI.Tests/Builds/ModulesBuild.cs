using Release.Engine;

namespace Release.CI.Tests.Builds;

/// <summary>
/// An application of modules declared from data: one BuildModule and one PushModule target per module, BuildModule
/// members related along the module graph, and one Deploy after every push. storefront needs pricing and catalog;
/// pricing needs catalog; audit stands alone.
/// </summary>
public sealed class ModulesBuild : Build, IContinuousIntegration
{
    private static readonly Dictionary<string, string[]> Modules = new()
    {
        ["catalog"] = [], ["pricing"] = ["catalog"], ["storefront"] = ["pricing", "catalog"], ["audit"] = [],
    };

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

    Target Deploy => _ => _.DependsOn(PushModule).Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => Modules.Keys
        .Aggregate(new CiConfiguration().OnBranches("main").OnMergeRequests(), (ci, module) => ci.Job($"PushModule.{module}"))
        .Job(nameof(Deploy))
        .UseGitLab()
        .UseAzure(vmImage: "ubuntu-24.04");
}
