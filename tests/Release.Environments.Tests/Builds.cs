using Release.Applications;
using Release.Engine;
using Release.Environments.Component;
using Release.Environments.Rendering;

namespace Release.Environments.Tests;

/// <summary>A build declaring the sample application's environments (the modules' folders must exist under its root).</summary>
public sealed class SampleEnvironmentsBuild : Build, IEnvironments
{
    internal static CheckedApplication ApplicationAt(AbsolutePath root) => Application.Named("director")
        .Module("director", m => m.Folder("modules/director").Dockerfile())
        .Module("ledger", m => m.Folder("modules/ledger").Dockerfile())
        .Module("gateway", m => m.Folder("modules/gateway").Dockerfile().DependsOn("director", "ledger"))
        .Check(root);

    CheckedEnvironments IEnvironments.DeclaredEnvironments => SampleSource.Declared.Check(ApplicationAt(RootDirectory), RootDirectory);

    EnvironmentRenderOptions IEnvironments.EnvironmentRendering => new("oci://registry.local/charts");
}

/// <summary>
/// The sample's environments changed by <see cref="Vary"/> (an environment added, an overlay given), checked against the
/// sample application as <see cref="SampleEnvironmentsBuild"/> checks them: each bad configuration or variant is one line.
/// </summary>
public abstract class SampleVariantBuild : Build, IEnvironments
{
    /// <summary>The change to the sample's environments.</summary>
    protected abstract EnvironmentSet Vary(EnvironmentSet sample);

    CheckedEnvironments IEnvironments.DeclaredEnvironments =>
        Vary(SampleSource.Declared).Check(SampleEnvironmentsBuild.ApplicationAt(RootDirectory), RootDirectory);

    EnvironmentRenderOptions IEnvironments.EnvironmentRendering => new("oci://registry.local/charts");
}

/// <summary>The sample's environments with a secret given as a literal: refused before anything is written.</summary>
public sealed class SecretLiteralBuild : SampleVariantBuild
{
    protected override EnvironmentSet Vary(EnvironmentSet sample) => sample
        .Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("eu-test").Namespace("director-qa")
            .Module("gateway", c => c.Value("LEDGER_TOKEN", "literal-token-value")));
}

/// <summary>The sample's environments plus a second production region in production's group (one batch).</summary>
public sealed class ProductionGroupBuild : SampleVariantBuild
{
    protected override EnvironmentSet Vary(EnvironmentSet sample) => sample
        .Environment("production-us", e => e.Step(4).Group("production").Deployer("gitops").Cluster("us-prod").Namespace("director")
            .Module("gateway", c => c.Value("TIMEOUT_SECONDS", "45")));
}
