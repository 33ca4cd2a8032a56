using System.Runtime.CompilerServices;
using Release.Applications;

namespace Release.Environments;

/// <summary>
/// A module's configuration, as a base (every key the module knows) or as an environment's overlay (keys of the base
/// given another value). There is no way to write a secret's value here: <see cref="Secret"/> takes a reference only,
/// and the check refuses a plain value for a key that is a secret in the base or whose name or value looks like one.
/// </summary>
public sealed class ModuleConfiguration
{
    private readonly List<ConfigurationEntry> _entries = [];

    internal ModuleConfiguration(string module) => Module = module;

    /// <summary>The module configured.</summary>
    public string Module { get; }

    internal IReadOnlyList<ConfigurationEntry> Entries => _entries;

    /// <summary>A plain value, rendered into the module's ConfigMap.</summary>
    public ModuleConfiguration Value(string key, string value, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new ConfigurationEntry(key, ConfigurationKind.Value, value, null, new DeclarationSite(file, line)));

    /// <summary>A feature flag, on or off.</summary>
    public ModuleConfiguration Flag(string key, bool enabled, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new ConfigurationEntry(key, ConfigurationKind.Flag, enabled ? "true" : "false", null, new DeclarationSite(file, line)));

    /// <summary>A secret by reference: the Secret's name and key in the environment's namespace, never its value.</summary>
    public ModuleConfiguration Secret(string key, SecretReference reference, [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
        Add(new ConfigurationEntry(key, ConfigurationKind.Secret, null, reference, new DeclarationSite(file, line)));

    private ModuleConfiguration Add(ConfigurationEntry entry)
    {
        _entries.Add(entry);
        return this;
    }
}
