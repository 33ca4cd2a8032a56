using Release.Applications;
using Release.Delivery.ApplicationDelivery;
using Release.Delivery.Verify;

namespace Release.Build;

/// <summary>
/// The sample application shipped whole: <c>DeployApplication</c> deploys director, ledger and gateway in dependency order
/// (GitOps environments: one commit, HelmReleases with dependsOn); <c>IntegrateApplication</c> runs the gateway's
/// cross-module integration tests once after it. A second run with nothing changed skips both, saying why.
/// </summary>
partial class Build : IIntegrateApplication
{
    CheckedApplication? _application;

    CheckedApplication IDeployApplication.Application => _application ??= SampleApplication.Check(RootDirectory);

    // A deployment asked of the gateway, decided by the director and recorded by the ledger: the modules work together.
    ApplicationChecks? IDeployApplication.ApplicationChecks => new("gateway", new SanityChecks([],
    [
        new Journey("ask-and-record", [new JourneyStep("POST", "/environments/development/deployments")
        {
            Body = """{"module":"director","version":"9.9.9"}""", ExpectedStatus = 201, BodyContains = "\"allowed\":true",
        }]),
    ]));
}
