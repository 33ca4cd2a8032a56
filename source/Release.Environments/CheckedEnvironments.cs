using Release.Applications;
using Release.Engine;

namespace Release.Environments;

/// <summary>
/// The configuration source after its check: the environments in promotion order and, for each environment and
/// module, the effective configuration (the base with the environment's overlay applied), keys sorted ordinally.
/// </summary>
public sealed class CheckedEnvironments
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, ConfigurationEntry>> _bases;
    private readonly IReadOnlyDictionary<(string Environment, string Module), IReadOnlyDictionary<string, ConfigurationEntry>> _overlays;

    internal CheckedEnvironments(CheckedApplication application, AbsolutePath root, IReadOnlyList<DeclaredEnvironment> environments,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, ConfigurationEntry>> bases,
        IReadOnlyDictionary<(string, string), IReadOnlyDictionary<string, ConfigurationEntry>> overlays)
    {
        Application = application;
        Root = root;
        Environments = environments;
        _bases = bases;
        _overlays = overlays;
    }

    /// <summary>The application the environments run.</summary>
    public CheckedApplication Application { get; }

    /// <summary>The repository root the declaration sites are shown relative to.</summary>
    public AbsolutePath Root { get; }

    /// <summary>The environments, by step, then name.</summary>
    public IReadOnlyList<DeclaredEnvironment> Environments { get; }

    /// <summary>The environment named <paramref name="name"/>.</summary>
    public DeclaredEnvironment this[string name] => Environments.FirstOrDefault(e => e.Name == name)
        ?? throw new BuildInputException(
            $"Environment '{name}' is not declared (declared: {string.Join(", ", Environments.Select(e => e.Name))}). Pass one of those.");

    /// <summary>The keys <paramref name="environment"/>'s overlay sets for <paramref name="module"/>.</summary>
    public IReadOnlySet<string> OverlayKeysOf(string environment, string module) =>
        _overlays.TryGetValue((environment, module), out var overlay) ? overlay.Keys.ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    /// <summary>The effective configuration of <paramref name="module"/> in <paramref name="environment"/>, sorted by key.</summary>
    public IReadOnlyList<ConfigurationEntry> ConfigurationOf(string environment, string module)
    {
        var effective = new SortedDictionary<string, ConfigurationEntry>(StringComparer.Ordinal);
        if (_bases.TryGetValue(module, out var basis))
            foreach (var (key, entry) in basis) effective[key] = entry;
        if (_overlays.TryGetValue((environment, module), out var overlay))
            foreach (var (key, entry) in overlay) effective[key] = entry;
        return [.. effective.Values];
    }
}
