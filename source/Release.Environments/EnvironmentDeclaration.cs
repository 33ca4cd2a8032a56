using System.Runtime.CompilerServices;
using Release.Applications;

namespace Release.Environments;

/// <summary>
/// One environment, declared once: its step in the promotion chain (environments of one step form a group, deployed
/// as a batch), its deployer, the cluster and namespace it owns, and its overlays on the modules' base configuration.
/// </summary>
public sealed class EnvironmentDeclaration
{
    private readonly List<(ModuleConfiguration Overlay, DeclarationSite Site)> _overlays = [];

    internal EnvironmentDeclaration(string name) => Name = name;

    /// <summary>The environment's name, e.g. <c>staging</c>.</summary>
    public string Name { get; }

    internal int? StepNumber { get; private set; }
    internal string? GroupName { get; private set; }
    internal string? DeployerName { get; private set; }
    internal string? ClusterName { get; private set; }
    internal string? NamespaceName { get; private set; }
    internal IReadOnlyList<(ModuleConfiguration Overlay, DeclarationSite Site)> Overlays => _overlays;

    /// <summary>Its place in the promotion chain: 1 first (e.g. staging), higher later (production last).</summary>
    public EnvironmentDeclaration Step(int step) { StepNumber = step; return this; }

    /// <summary>The batch it belongs to: environments of one group share a step and are deployed together.</summary>
    public EnvironmentDeclaration Group(string group) { GroupName = group; return this; }

    /// <summary>How it is deployed: <c>local</c>, <c>gitops</c> or <c>helm</c>.</summary>
    public EnvironmentDeclaration Deployer(string deployer) { DeployerName = deployer; return this; }

    /// <summary>The cluster it runs on (names the Flux folder <c>clusters/CLUSTER/</c>).</summary>
    public EnvironmentDeclaration Cluster(string cluster) { ClusterName = cluster; return this; }

    /// <summary>The namespace it owns in its cluster; no other environment may claim it.</summary>
    public EnvironmentDeclaration Namespace(string @namespace) { NamespaceName = @namespace; return this; }

    /// <summary>Overrides keys of <paramref name="module"/>'s base configuration in this environment.</summary>
    public EnvironmentDeclaration Module(string module, Func<ModuleConfiguration, ModuleConfiguration> overlay,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var configuration = new ModuleConfiguration(module);
        overlay(configuration);
        _overlays.Add((configuration, new DeclarationSite(file, line)));
        return this;
    }
}
