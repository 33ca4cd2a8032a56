using Release.Applications;
using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Modules;
using Release.Delivery.Verify;
using Release.Engine;
using Release.Stages.BuildImage;
using Release.Stages.Clone;
using Release.Stages.Scan;
using Release.Stages.UnitTest;

namespace Release.Build;

/// <summary>
/// The sample application (<see cref="SampleApplication"/>: director, ledger from its Dockerfile, gateway needing both)
/// is what the pipeline ships: Clone, Build, UnitTest, Scan, Push and Chart run per module (<see cref="IApplicationStages"/>,
/// <c>BuildModule.ledger</c>), independent modules at the same time. The one-module stage targets stand for every
/// module's, so <c>./build.sh Scan</c> scans every module and Deploy follows every module's Chart.
/// </summary>
partial class Build : IApplicationStages, IIntegrateApplication
{
    CheckedApplication? _application;

    // Checked once, while the build loads (the families' members are its modules): a wrong declaration stops even --help.
    CheckedApplication IApplicationStages.Application => _application ??= ShippedApplication.Check(RootDirectory);

    /// <summary>
    /// The sample application, from this checkout. A build root without it (a team's root cloning
    /// <c>--source-repository</c>, the release process's tests) ships <c>--module</c> from that repository: an application of one module, with the one-module parameters (<c>--module-directory</c>, <c>--app-project</c>).
    /// </summary>
    Application ShippedApplication
    {
        get
        {
            var clone = (IClone)this;
            if (SampleApplicationHere) return SampleApplication;
            // Its integration tests are where the one-module Integrate finds them, inside the clone.
            var tests = ((Delivery.Integrate.IIntegrate)this).IntegrationTestProjectOrConvention;
            return Application.Named(clone.Module).Module(clone.Module, m => m
                .Repository(clone.SourceRepository, clone.SourceRef ?? "HEAD")
                .DotNetProject(((IBuildImage)this).AppProject ?? "(the module's only ASP.NET project)")
                .Health(((Delivery.Chart.IChart)this).HealthPath)
                .IntegrationTests(tests));
        }
    }

    bool SampleApplicationHere => new[] { "director", "ledger", "gateway" }.All(m => (RootDirectory / "samples" / m).DirectoryExists());

    IApplicationStages AppStages => this;

    Target IClone.Clone => _ => _
        .Description("Clones every module of the application (CloneModule.MODULE)")
        .DependsOn(AppStages.CloneModule);

    Target IBuildImage.Build => _ => _
        .Description("Builds every module's image, dependencies first (BuildModule.MODULE)")
        .DependsOn(AppStages.BuildModule);

    Target IUnitTest.UnitTest => _ => _
        .Description("Runs every module's unit tests (UnitTestModule.MODULE)")
        .DependsOn(AppStages.UnitTestModule);

    /// <summary>A scan here also runs the unit tests, so <c>./build.sh Scan</c> leaves every first-half report of every module.</summary>
    Target IScan.Scan => _ => _
        .Description("Scans every module's image, after its unit tests (ScanModule.MODULE)")
        .DependsOn(AppStages.ScanModule)
        .DependsOn(AppStages.UnitTestModule);

    Target Delivery.Push.IPush.Push => _ => _
        .Description("Pushes every module's tested and scanned image (PushModule.MODULE)")
        .DependsOn(AppStages.PushModule);

    Target Delivery.Chart.IChart.Chart => _ => _
        .Description("Charts every module (ChartModule.MODULE)")
        .DependsOn(AppStages.ChartModule);
    // The application DeployApplication ships whole (dependency order; GitOps: one commit, HelmReleases with dependsOn)
    // and IntegrateApplication tests once after it: the one the stages built.
    CheckedApplication IDeployApplication.Application => AppStages.Application;

    Target IDeployApplication.DeployApplication => _ => _
        .Base()
        .DependsOn<Delivery.Push.IPush>(x => x.Push)
        .DependsOn<Delivery.Chart.IChart>(x => x.Chart);

    // A deployment asked of the gateway, decided by the director and recorded by the ledger: the modules work together.
    // An application of one module (a team's root cloning --source-repository) has no gateway: its module's own checks stand.
    ApplicationChecks? IDeployApplication.ApplicationChecks => !SampleApplicationHere ? null : new("gateway", new SanityChecks([],
    [
        new Journey("ask-and-record", [new JourneyStep("POST", "/environments/development/deployments")
        {
            Body = """{"module":"director","version":"9.9.9"}""", ExpectedStatus = 201, BodyContains = "\"allowed\":true",
        }]),
    ]));
}
