using Release.Applications;
using Release.CI;
using Release.Engine;

namespace Release.CI.Benchmarks;

/// <summary>
/// An application of 200 modules declared as the sample is, with one target family per stage: Clone, Build, UnitTest,
/// Scan, Push, Chart and Deploy, one member per module (1,400 targets), plus Integrate after every deploy. Each
/// module depends on up to two earlier ones; builds and deploys follow that graph.
/// </summary>
public sealed class ApplicationOfModules : Build, IContinuousIntegration
{
    public const int ModuleCount = 200;

    private CheckedApplication? _app;

    private static string Name(int module) => $"m{module:000}";

    /// <summary>The module's dependencies: the one before it and, for every third module, the one seven before.</summary>
    private static IEnumerable<string> DependenciesOf(int module)
    {
        if (module % 10 != 0) yield return Name(module - 1);
        if (module % 3 == 0 && module >= 7) yield return Name(module - 7);
    }

    /// <summary>Writes the folders the declaration names, so its check passes as it would in a real repository.</summary>
    public static void WriteRepository(string root)
    {
        for (var m = 0; m < ModuleCount; m++)
        {
            Directory.CreateDirectory(Path.Combine(root, "modules", Name(m)));
            File.WriteAllText(Path.Combine(root, "modules", Name(m), "Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n");
        }
    }

    public static Application Declared() =>
        Enumerable.Range(0, ModuleCount).Aggregate(Application.Named("bench"), (app, m) =>
            app.Module(Name(m), d => d.Folder($"modules/{Name(m)}").Dockerfile().Health("/health").DependsOn([.. DependenciesOf(m)])));

    private CheckedApplication App => _app ??= Declared().Check(RootDirectory);

    TargetFamily Clone => new(App.ModuleNames, (m, _) => _.ChangedBy([.. App.ChangePathsOf(m)]).Executes(() => { }));

    TargetFamily BuildModule => new(App.ModuleNames, (m, _) => _
        .DependsOn(Clone, [m]).DependsOn(BuildModule, App.DependenciesOf(m))
        .Produces($"artifacts/{m}/image.tar").ChangedBy([.. App.ChangePathsOf(m)]).Executes(() => { }));

    TargetFamily UnitTest => new(App.ModuleNames, (m, _) => _
        .DependsOn(BuildModule, [m]).Produces($"artifacts/{m}/tests.xml").ChangedBy([.. App.ChangePathsOf(m)]).Executes(() => { }));

    TargetFamily Scan => new(App.ModuleNames, (m, _) => _
        .DependsOn(BuildModule, [m]).Consumes(BuildModule, m).Produces($"artifacts/{m}/scan.sarif").ChangedBy([.. App.ChangePathsOf(m)]).Executes(() => { }));

    TargetFamily Push => new(App.ModuleNames, (m, _) => _
        .DependsOn(UnitTest, [m]).DependsOn(Scan, [m]).Consumes(BuildModule, m).Produces($"artifacts/{m}/digest.txt")
        .ChangedBy([.. App.ChangePathsOf(m)]).Executes(() => { }));

    TargetFamily Chart => new(App.ModuleNames, (m, _) => _
        .DependsOn(Push, [m]).Consumes(Push, m).Produces($"artifacts/{m}/chart.tgz").ChangedBy([.. App.ChangePathsOf(m)]).Executes(() => { }));

    TargetFamily Deploy => new(App.ModuleNames, (m, _) => _
        .DependsOn(Chart, [m]).DependsOn(Deploy, App.DependenciesOf(m)).Consumes(Chart, m).Executes(() => { }));

    Target Integrate => _ => _.DependsOn(Deploy).Produces("artifacts/integration/*.xml").Executes(() => { });

    CiConfiguration IContinuousIntegration.Ci => Enumerable.Range(0, ModuleCount)
        .Aggregate(new CiConfiguration().OnBranches("main", "release/*").OnMergeRequests().CacheNuGetPackages(),
            (ci, m) => ci.Job($"Push.{Name(m)}").Job($"Chart.{Name(m)}").Reports($"UnitTest.{Name(m)}", junit: $"artifacts/{Name(m)}/tests.xml"))
        .Job(nameof(Integrate))
        .Reports(nameof(Integrate), junit: "artifacts/integration/*.xml")
        .UseGitLab()
        .UseAzure(vmImage: "ubuntu-24.04", dotNetSdkVersion: "10.0.401");
}
