using System.Runtime.CompilerServices;
using Release.Applications;
using Release.Engine;

namespace Release.Environments;

/// <summary>
/// The one configuration source of an application's environments: each module's base configuration and each
/// environment, declared once and checked before anything runs:
/// <code>
/// static readonly EnvironmentSet Declared = EnvironmentSet.Create()
///     .Base("gateway", c =&gt; c.Value("LOG_LEVEL", "info").Flag("new-checkout", false)
///         .Secret("LEDGER_TOKEN", new SecretReference("gateway-secrets", "ledger-token")))
///     .Environment("staging", e =&gt; e.Step(1).Deployer("gitops").Cluster("eu-test").Namespace("director-staging")
///         .Module("gateway", c =&gt; c.Value("LOG_LEVEL", "debug").Flag("new-checkout", true)))
///     .Environment("production", e =&gt; e.Step(4).Deployer("gitops").Cluster("eu-prod").Namespace("director"));
///
/// CheckedEnvironments Environments =&gt; _environments ??= Declared.Check(App, RootDirectory);   // exit 2 naming the place and the fix
/// </code>
/// Immutable: each call returns a new set.
/// </summary>
public sealed class EnvironmentSet
{
    private EnvironmentSet(
        IReadOnlyList<(ModuleConfiguration, DeclarationSite)> bases,
        IReadOnlyList<(EnvironmentDeclaration, DeclarationSite)> environments)
    {
        Bases = bases;
        Environments = environments;
    }

    internal IReadOnlyList<(ModuleConfiguration Base, DeclarationSite Site)> Bases { get; }
    internal IReadOnlyList<(EnvironmentDeclaration Declaration, DeclarationSite Site)> Environments { get; }

    /// <summary>An empty source.</summary>
    public static EnvironmentSet Create() => new([], []);

    /// <summary>Declares <paramref name="module"/>'s base configuration: every key an environment may override.</summary>
    public EnvironmentSet Base(string module, Func<ModuleConfiguration, ModuleConfiguration> configure,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var configuration = new ModuleConfiguration(module);
        configure(configuration);
        return new EnvironmentSet([.. Bases, (configuration, new DeclarationSite(file, line))], Environments);
    }

    /// <summary>Declares an environment.</summary>
    public EnvironmentSet Environment(string name, Func<EnvironmentDeclaration, EnvironmentDeclaration> declare,
        [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        var declaration = new EnvironmentDeclaration(name);
        declare(declaration);
        return new EnvironmentSet(Bases, [.. Environments, (declaration, new DeclarationSite(file, line))]);
    }

    /// <summary>
    /// Checks the source against <paramref name="application"/>: names, deployers, steps and groups, namespaces
    /// claimed twice, unknown modules, overlay keys the base lacks or whose kind differs, and secrets given as
    /// values. Every problem at once, each with its file and line and the fix, as a <see cref="BuildInputException"/> (exit 2).
    /// </summary>
    public CheckedEnvironments Check(CheckedApplication application, AbsolutePath root) => EnvironmentCheck.Run(this, application, root);
}
