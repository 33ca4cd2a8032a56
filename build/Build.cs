using Release.CI;
using Release.Delivery.Deploy;
using Release.Delivery.Integrate;
using Release.Engine;
using Release.Engine.Hosting;
using Release.Releasing;
using Release.Stages.Scan;
using Release.Stages.UnitTest;

namespace Release.Build;

/// <summary>
/// This repository's own build, written with the library it ships. The default target, <c>Pipeline</c>, takes the
/// sample application's modules from clone to chart, then to an integration-tested deployment; <c>Test</c> runs the repository's own test suite.
/// </summary>
partial class Build : Engine.Build, IScan, IUpdateAdvisories, IUnitTest, Delivery.Chart.IChart, IDeploy, IIntegrate, IRelease, IContinuousIntegration
{
    public static Task<int> Main(string[] args) => BuildHost.RunConsoleAsync<Build>(args, x => x.Pipeline);

    [Parameter("Configuration of the repository's own projects")]
    readonly string Configuration = "Release";

    AbsolutePath Solution => RootDirectory / "Release.sln";

    /// <summary>
    /// The whole pipeline: Clone, Build, UnitTest, Scan, Push and Chart for every module of the sample application
    /// (Build.Application.cs), then DeployApplication (every module in dependency order) and IntegrateApplication (the
    /// application's integration tests, once).
    /// </summary>
    Target Pipeline => _ => _
        .Description("Runs the stages on every module of the sample application, then deploys and integration-tests")
        // Each stage target stands for every module's (Build.Application.cs), so the summary has all eight.
        .DependsOn<Stages.Clone.IClone>(x => x.Clone)
        .DependsOn<Stages.BuildImage.IBuildImage>(x => x.Build)
        .DependsOn<IUnitTest>(x => x.UnitTest)
        .DependsOn<IScan>(x => x.Scan)
        .DependsOn<Delivery.Push.IPush>(x => x.Push)
        .DependsOn<Delivery.Chart.IChart>(x => x.Chart)
        .DependsOn<Delivery.ApplicationDelivery.IIntegrateApplication>(x => x.IntegrateApplication);
}
