using Release.Engine;
using Release.Engine.Hosting;
using Release.Environments.Component;
using Release.Environments.Rendering;

namespace Release.Environments.Tests;

/// <summary>
/// Each kind of bad configuration the issue lists (the secret given as a literal is
/// <see cref="ComponentTests.Bad_configuration_exits_2_and_leaves_the_environment_repository_untouched"/>), run as
/// <c>./build.sh RenderEnvironments</c> against the real git remote: exit 2 naming the place and the fix, and the
/// environment repository untouched.
/// </summary>
public partial class ComponentTests
{
    [Test]
    public Task An_unknown_module_exits_2_and_leaves_the_environment_repository_untouched() =>
        RefusedAsync<UnknownModuleBuild>("environment 'qa' configures module 'ledgr'", "Name one of those");

    [Test]
    public Task An_overlay_key_the_base_lacks_exits_2_and_leaves_the_environment_repository_untouched() =>
        RefusedAsync<UnknownOverlayKeyBuild>("key 'log_level' in the overlay of 'gateway' in 'qa' is not in the base configuration of 'gateway'", "Did you mean 'LOG_LEVEL'?");

    [Test]
    public Task Two_environments_claiming_one_namespace_exit_2_and_leave_the_environment_repository_untouched() =>
        RefusedAsync<NamespaceClashBuild>("environment 'qa' claims namespace 'director-staging' of cluster 'eu-test'", "Give each environment its own namespace (or cluster).");

    private async Task RefusedAsync<T>(string problem, string fix) where T : Build, new()
    {
        var before = await _remote.ResolveAsync("main");

        var (exit, output) = await RunAsync<T>("RenderEnvironments");

        Assert.That(exit, Is.EqualTo(BuildHost.BadInput), output);
        Assert.That(output, Does.Contain(problem).And.Contain(fix).And.Contain("BadConfigurationTests.cs:"), "the problem, its fix and the declaration's place");
        Assert.That(await _remote.ResolveAsync("main"), Is.EqualTo(before), "nothing committed");
        Assert.That(Directory.Exists(Path.Combine(_root.Path, ".nuke/temp/environments")), Is.False, "nothing cloned, nothing half-written");
    }
}

/// <summary>The sample's environments with an overlay for a module the application does not have.</summary>
public sealed class UnknownModuleBuild : SampleVariantBuild
{
    protected override EnvironmentSet Vary(EnvironmentSet sample) => sample
        .Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("eu-test").Namespace("director-qa")
            .Module("ledgr", c => c.Value("RETENTION_DAYS", "7")));
}

/// <summary>The sample's environments with an overlay key the module's base does not have.</summary>
public sealed class UnknownOverlayKeyBuild : SampleVariantBuild
{
    protected override EnvironmentSet Vary(EnvironmentSet sample) => sample
        .Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("eu-test").Namespace("director-qa")
            .Module("gateway", c => c.Value("log_level", "debug")));
}

/// <summary>The sample's environments with a second environment in staging's namespace of the same cluster.</summary>
public sealed class NamespaceClashBuild : SampleVariantBuild
{
    protected override EnvironmentSet Vary(EnvironmentSet sample) => sample
        .Environment("qa", e => e.Step(5).Deployer("gitops").Cluster("eu-test").Namespace("director-staging"));
}
