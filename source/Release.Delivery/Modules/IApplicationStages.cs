using Release.Applications;
using Release.Delivery.Chart;
using Release.Delivery.Push;
using Release.Engine;
using Release.Stages.BuildImage;
using Release.Stages.Clone;
using Release.Stages.Common;
using Release.Stages.Scan;
using Release.Stages.UnitTest;

namespace Release.Delivery.Modules;

/// <summary>
/// The stages that make and ship an image, per module of a declared application: Clone, Build, UnitTest, Scan, Push
/// and Chart as target families (<c>BuildModule.ledger</c>), one member per module. A module's stage depends on its
/// own upstream stage; its Build also on the Builds of the modules it depends on (and consumes their image records,
/// so a rebuilt dependency rebuilds it). Independent modules' stages run at the same time through the engine's
/// scheduler (<c>--max-parallel</c>). Each module's files are under <c>artifacts/modules/MODULE/</c>; the summary
/// shows each member's figures (tests, coverage, findings, digest). A .NET project module is built as the one-module
/// Build stage builds it; a Dockerfile module through the Dockerfile builder (buildah, else docker), its
/// <c>publish</c> project first. See docs/applications.md.
/// </summary>
public interface IApplicationStages : IChart, IScan, IUnitTest
{
    /// <summary>The application whose modules the stages run over (checked once: <c>Declared.Check(RootDirectory)</c>).</summary>
    CheckedApplication Application { get; }

    /// <summary>Clones each module's source (this repository, or the module's own repository and branch).</summary>
    TargetFamily CloneModule => new(Application.ModuleNames, (module, _) => _
        .Description($"Clones {module}'s source and computes its version")
        .ChangedBy([.. Application.ChangePathsOf(module)])
        .Produces(ViewOf(module).Paths.Glob("clone/source.json"))
        .Executes(ct => new CloneStage(ViewOf(module)).RunAsync(ct)));

    /// <summary>Builds each module's image (.NET project or Dockerfile), after the images of the modules it depends on.</summary>
    TargetFamily BuildModule => new(Application.ModuleNames, (module, _) =>
    {
        var view = ViewOf(module);
        var definition = _
            .Description($"Builds, pushes and records {module}'s container image")
            .DependsOn(CloneModule, [module])
            .DependsOn(BuildModule, Application.DependenciesOf(module))
            .ChangedBy([.. Application.ChangePathsOf(module)])
            .Consumes(CloneModule, module)
            .TracksToolVersion("dotnet-sdk", ct => Context.GetOrAddService(() => new DotNetSdkVersion(view.Paths.Workspace)).GetAsync(ct))
            .TracksToolVersion("registry", _ => Task.FromResult(Registry ?? EmbeddedRegistry.RememberedAddress ?? "embedded registry, never started"))
            .Produces(view.Paths.Glob("build/**"));
        foreach (var dependency in Application.DependenciesOf(module))
            definition = definition.Consumes(BuildModule, dependency, ViewOf(dependency).Paths.Glob("build/image.json"));
        return definition.Executes(ct => view.Dockerfile is { } dockerfile
            ? new DockerfileImageStage(view, dockerfile).RunAsync(ct)
            : new BuildImageStage(view).RunAsync(ct));
    });

    /// <summary>Runs each module's unit tests with coverage, after its Build (the two share the module's workspace).</summary>
    TargetFamily UnitTestModule => new(Application.ModuleNames, (module, _) => _
        .Description($"Runs {module}'s unit tests with coverage (TRX, JUnit, Cobertura, summary)")
        .DependsOn(CloneModule, [module])
        .After(BuildModule, [module])
        .ChangedBy([.. Application.ChangePathsOf(module)])
        .Consumes(CloneModule, module)
        .TracksToolVersion("dotnet-sdk", ct => Context.GetOrAddService(() => new DotNetSdkVersion(ViewOf(module).Paths.Workspace)).GetAsync(ct))
        .Produces(ViewOf(module).Paths.Glob("unit-tests/**"))
        .Executes(ct => new UnitTestStage(ViewOf(module)).RunAsync(ct)));

    /// <summary>Scans each module's image and application (SBOMs, advisories, SARIF and GitLab reports).</summary>
    TargetFamily ScanModule => new(Application.ModuleNames, (module, _) => _
        .Description($"SBOMs and vulnerability scan of {module}'s image and application")
        .DependsOn(BuildModule, [module])
        .ChangedBy([.. Application.ChangePathsOf(module)])
        .Consumes(BuildModule, module)
        .TracksToolVersion("advisory-data", ct => AdvisoryDataFingerprint.ComputeAsync(this, ct))
        .Produces(ViewOf(module).Paths.Glob("scan/**"))
        .Executes(ct => new ScanStage(ViewOf(module)).RunAsync(ct)));

    /// <summary>Pushes each module's tested and scanned image by digest under its immutable tag.</summary>
    TargetFamily PushModule => new(Application.ModuleNames, (module, _) => _
        .Description($"Pushes {module}'s tested and scanned image by digest and records it")
        .DependsOn(BuildModule, [module])
        .DependsOn(UnitTestModule, [module])
        .DependsOn(ScanModule, [module])
        .ChangedBy([.. Application.ChangePathsOf(module)])
        .Consumes(ViewOf(module).Paths.Glob("build/image.json"))
        .Produces(ViewOf(module).Paths.Glob("push/push.json"))
        .Executes(ct => new PushStage(ViewOf(module)).RunAsync(ct)));

    /// <summary>Generates, lints, packages and pushes each module's chart, pinning its pushed image.</summary>
    TargetFamily ChartModule => new(Application.ModuleNames, (module, _) => _
        .Description($"Generates, lints, packages and pushes {module}'s Helm chart")
        .DependsOn(PushModule, [module])
        .ChangedBy([.. Application.ChangePathsOf(module)])
        .Produces(ViewOf(module).Paths.Glob("chart/**"))
        .Executes(ct => new ChartStage(ViewOf(module)).RunAsync(ct)));

    /// <summary>The build seen as the build of <paramref name="module"/> (its paths, repository, project, health path).</summary>
    private ModuleStageView ViewOf(string module) => new(this, Application[module], Application);
}
