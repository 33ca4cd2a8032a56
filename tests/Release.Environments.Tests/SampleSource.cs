using System.Runtime.CompilerServices;
using Release.Applications;
using Release.Engine;
using Release.Testing;

namespace Release.Environments.Tests;

/// <summary>The sample application (director, ledger, gateway needing both) in a temporary repository, and its environments.</summary>
internal sealed class SampleSource : IDisposable
{
    private readonly TempDirectory _root = new("release-environments");

    public SampleSource()
    {
        foreach (var module in new[] { "director", "ledger", "gateway" })
            _root.WriteFile($"modules/{module}/Dockerfile", "FROM base\n");
    }

    public AbsolutePath Root => new(_root.Path);

    public CheckedApplication Application => Applications.Application.Named("director")
        .Module("director", m => m.Folder("modules/director").Dockerfile())
        .Module("ledger", m => m.Folder("modules/ledger").Dockerfile())
        .Module("gateway", m => m.Folder("modules/gateway").Dockerfile().DependsOn("director", "ledger"))
        .Check(Root);

    /// <summary>Line of the caller, to assert the place a refusal names.</summary>
    public static int Line([CallerLineNumber] int line = 0) => line;

    public static EnvironmentSet Declared => EnvironmentSet.Create()
        .Base("gateway", c => c.Value("LOG_LEVEL", "info").Value("TIMEOUT_SECONDS", "30").Flag("new-checkout", false)
            .Secret("LEDGER_TOKEN", new SecretReference("gateway-secrets", "ledger-token")))
        .Base("director", c => c.Value("POLICY", "strict").Flag("friendly-users", false))
        .Base("ledger", c => c.Value("RETENTION_DAYS", "30"))
        .Environment("staging", e => e.Step(1).Deployer("gitops").Cluster("eu-test").Namespace("director-staging")
            .Module("gateway", c => c.Value("LOG_LEVEL", "debug").Flag("new-checkout", true)))
        .Environment("pre-prod", e => e.Step(2).Deployer("gitops").Cluster("eu-test").Namespace("director-preprod")
            .Module("ledger", c => c.Value("RETENTION_DAYS", "7")))
        .Environment("friendly-user", e => e.Step(3).Deployer("gitops").Cluster("eu-prod").Namespace("director-friendly")
            .Module("director", c => c.Flag("friendly-users", true))
            .Module("gateway", c => c.Flag("new-checkout", true)))
        .Environment("production", e => e.Step(4).Deployer("gitops").Cluster("eu-prod").Namespace("director"))
        .Environment("local", e => e.Step(1).Group("staging").Deployer("local").Cluster("this-machine").Namespace("default"));

    public void Dispose() => _root.Dispose();
}
