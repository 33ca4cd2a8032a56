using System.Text.RegularExpressions;
using Release.Applications;
using Release.Engine;

namespace Release.Environments;

/// <summary>
/// Checks the configuration source before anything runs. Every problem is collected, so one run shows them all, each
/// as "file:line: what is wrong. The fix."; a secret's value is never repeated in a message.
/// </summary>
internal static partial class EnvironmentCheck
{
    public static readonly IReadOnlyList<string> Deployers = ["gitops", "helm", "local"];

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ConfigMapKey();

    public static CheckedEnvironments Run(EnvironmentSet set, CheckedApplication application, AbsolutePath root)
    {
        var problems = new List<string>();
        var modules = application.ModuleNames.ToHashSet(StringComparer.Ordinal);
        string At(DeclarationSite site) => site.Describe(root);
        string KnownModules() => string.Join(", ", application.ModuleNames.Order(StringComparer.Ordinal));

        var bases = new Dictionary<string, IReadOnlyDictionary<string, ConfigurationEntry>>(StringComparer.Ordinal);
        foreach (var (configuration, site) in set.Bases)
        {
            if (!modules.Contains(configuration.Module))
            {
                problems.Add($"{At(site)}: the base configuration names module '{configuration.Module}', which is not a module of application " +
                    $"'{application.Name}' (modules: {KnownModules()}). Name one of those, or declare the module in the application.");
                continue;
            }
            if (bases.ContainsKey(configuration.Module))
            {
                problems.Add(
                    $"{At(site)}: module '{configuration.Module}' has a second base configuration. Declare each module's base once and merge the " +
                        "two.");
                continue;
            }
            bases[configuration.Module] = Keys(configuration, $"base of '{configuration.Module}'", At, problems, basis: null);
        }

        var environments = new List<DeclaredEnvironment>();
        var overlays = new Dictionary<(string, string), IReadOnlyDictionary<string, ConfigurationEntry>>();
        var names = new Dictionary<string, DeclarationSite>(StringComparer.Ordinal);
        var namespaces = new Dictionary<(string, string), (string Environment, DeclarationSite Site)>();
        foreach (var (declaration, site) in set.Environments)
        {
            var place = $"{At(site)}: environment '{declaration.Name}'";
            if (names.TryGetValue(declaration.Name, out var first))
            {
                problems.Add($"{place} is declared again (first at {At(first)}). Declare each environment once.");
                continue;
            }
            names[declaration.Name] = site;
            var count = problems.Count;
            if (!DnsLabel().IsMatch(declaration.Name))
                problems.Add($"{place}: the name names folders and Flux objects, so use lowercase letters, digits and '-'.");
            if (declaration.StepNumber is not { } step || step < 1)
                problems.Add($"{place} has no step in the promotion chain. Add .Step(N) (1 for the first environment, higher for later ones).");
            if (declaration.DeployerName is not { } deployer || !Deployers.Contains(deployer))
                problems.Add(
                    $"{place} has deployer '{declaration.DeployerName}'. Use .Deployer(\"gitops\"), .Deployer(\"helm\") or .Deployer(\"local\").");
            if (declaration.ClusterName is not { } cluster || !DnsLabel().IsMatch(cluster))
                problems.Add($"{place} has cluster '{declaration.ClusterName}'. Add .Cluster(\"name\") (lowercase letters, digits and '-').");
            if (declaration.NamespaceName is not { } ns || !DnsLabel().IsMatch(ns) || ns.Length > 63)
                problems.Add($"{place} has namespace '{declaration.NamespaceName}'. Add .Namespace(\"name\") (a DNS label: lowercase letters, " +
                    "digits and '-', at most 63 characters).");
            if (declaration.GroupName is { } group && !DnsLabel().IsMatch(group))
                problems.Add($"{place} has group '{group}'. Use lowercase letters, digits and '-'.");
            if (declaration.ClusterName is not null && declaration.NamespaceName is not null)
            {
                if (namespaces.TryGetValue((declaration.ClusterName, declaration.NamespaceName), out var claimant))
                    problems.Add($"{place} claims namespace '{declaration.NamespaceName}' of cluster '{declaration.ClusterName}', which " +
                        $"environment '{claimant.Environment}' ({At(claimant.Site)}) already owns. Give each environment its own namespace (or " +
                            "cluster).");
                else namespaces[(declaration.ClusterName, declaration.NamespaceName)] = (declaration.Name, site);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (overlay, overlaySite) in declaration.Overlays)
            {
                var overlayPlace = $"{At(overlaySite)}: environment '{declaration.Name}'";
                if (!modules.Contains(overlay.Module))
                {
                    problems.Add($"{overlayPlace} configures module '{overlay.Module}', which is not a module of application '{application.Name}' " +
                        $"(modules: {KnownModules()}). Name one of those, or remove the overlay.");
                    continue;
                }
                if (!seen.Add(overlay.Module))
                {
                    problems.Add($"{overlayPlace} configures module '{overlay.Module}' twice. Merge the two overlays.");
                    continue;
                }
                var basis = bases.GetValueOrDefault(overlay.Module) ?? new Dictionary<string, ConfigurationEntry>();
                overlays[(declaration.Name, overlay.Module)]
                    = Keys(overlay, $"overlay of '{overlay.Module}' in '{declaration.Name}'", At, problems, basis);
            }
            if (problems.Count == count)
                environments.Add(new DeclaredEnvironment(declaration.Name, declaration.StepNumber!.Value, declaration.GroupName ?? declaration.Name,
                    declaration.DeployerName!, declaration.ClusterName!, declaration.NamespaceName!, site));
        }
        if (set.Environments.Count == 0)
            problems.Add("the configuration source declares no environment. Add one: .Environment(\"staging\", e => " +
                "e.Step(1).Deployer(\"gitops\").Cluster(\"...\").Namespace(\"...\")).");

        // Environments of one step are one batch: they must say so with one group, or the order between them is undefined.
        foreach (var step in environments.GroupBy(e => e.Step).Where(g => g.Select(e => e.Group).Distinct().Count() > 1))
        {
            var listed = string.Join(", ", step.Select(e => $"'{e.Name}' ({At(e.Site)})"));
            problems.Add($"environments {listed} share step {step.Key} but not a group. Put them in one group (.Group(\"name\")) to deploy them as " +
                "a batch, or give them different steps.");
        }

        if (problems.Count > 0)
            throw new BuildInputException($"The environments are declared wrongly ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  "
                + string.Join("\n  ", problems));
        return new CheckedEnvironments(application, root,
            [.. environments.OrderBy(e => e.Step).ThenBy(e => e.Name, StringComparer.Ordinal)], bases, overlays);
    }

    // A base (basis null) or an overlay checked against its base: valid keys, no key twice, the kind kept, no secret as a value.
    private static Dictionary<string, ConfigurationEntry> Keys(ModuleConfiguration configuration, string what, Func<DeclarationSite, string> at,
        List<string> problems, IReadOnlyDictionary<string, ConfigurationEntry>? basis)
    {
        var keys = new Dictionary<string, ConfigurationEntry>(StringComparer.Ordinal);
        foreach (var entry in configuration.Entries)
        {
            var place = $"{at(entry.Site)}: key '{entry.Key}' in the {what}";
            if (!ConfigMapKey().IsMatch(entry.Key))
            {
                problems.Add($"{place} cannot be a ConfigMap key. Use letters, digits, '-', '_' and '.'.");
                continue;
            }
            if (!keys.TryAdd(entry.Key, entry))
            {
                problems.Add($"{place} is set twice. Keep one.");
                continue;
            }
            ConfigurationEntry? declared = null;
            if (basis is not null && !basis.TryGetValue(entry.Key, out declared))
            {
                var near = basis.Keys.FirstOrDefault(k => string.Equals(k, entry.Key, StringComparison.OrdinalIgnoreCase));
                problems.Add($"{place} is not in the base configuration of '{configuration.Module}' (base keys: " +
                    $"{string.Join(", ", basis.Keys.Order(StringComparer.Ordinal))}). " +
                             (near is not null ? $"Did you mean '{near}'? " : "") + "Add the key to the base first, or remove it from the overlay.");
                continue;
            }
            if (declared is { Kind: ConfigurationKind.Secret } && entry.Kind != ConfigurationKind.Secret)
            {
                problems.Add($"{place} is a secret in the base ({at(declared.Site)}) but is given a literal value here (not shown). Give a " +
                    $"reference instead: .Secret(\"{entry.Key}\", new SecretReference(\"secret-name\", \"key\")), and put the value in the " +
                        "cluster's Secret.");
                continue;
            }
            if (declared is not null && declared.Kind != entry.Kind)
                problems.Add($"{place} is a {entry.Kind.ToString().ToLowerInvariant()} here but a {declared.Kind.ToString().ToLowerInvariant()} in " +
                    $"the base ({at(declared.Site)}). Keep the base's kind.");
            else if (entry.Kind == ConfigurationKind.Value && SecretLiteralRule.Reason(entry.Key, entry.Text!) is { } reason)
                problems.Add($"{place} is a plain value but {reason} (value not shown). Secrets are given by reference only: " +
                    $".Secret(\"{entry.Key}\", new SecretReference(\"secret-name\", \"key\")), with the value in the cluster's Secret.");
            if (entry.Secret is { } reference && (!DnsLabel().IsMatch(reference.Name) || !ConfigMapKey().IsMatch(reference.Key)))
                problems.Add($"{place} references secret '{reference.Name}' key '{reference.Key}'. Name a Kubernetes Secret (lowercase letters, " +
                    "digits and '-') and one of its keys (letters, digits, '-', '_', '.').");
        }
        return keys;
    }
}
