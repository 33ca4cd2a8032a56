using System.Text.Json;
using k8s;
using k8s.Models;

namespace Release.Environments.Drift;

/// <summary>
/// Runtime drift of a cluster: what the environment repository declares against what the API server says runs — live
/// Deployments' images, ConfigMaps' data and Flux HelmReleases' readiness — read with KubernetesClient (three list
/// calls per namespace, so a namespace costs the same whatever its number of modules).
/// </summary>
public static class ClusterDrift
{
    /// <summary>The kind named in findings and reports.</summary>
    public const string Kind = "runtime";

    private const string HelmGroup = "helm.toolkit.fluxcd.io";
    private const string HelmVersion = "v2";

    /// <summary>Every difference between <paramref name="expected"/> and the live objects of <paramref name="namespace"/>.</summary>
    /// <param name="cluster">The cluster's API client.</param>
    /// <param name="environment">The environment named in findings.</param>
    /// <param name="namespace">The environment's namespace.</param>
    /// <param name="expected">What the repository declares, per module.</param>
    /// <param name="fluxNamespace">Where the environment's Flux Kustomization lives (named by the repair command).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<IReadOnlyList<DriftFinding>> FindingsAsync(IKubernetes cluster, string environment, string @namespace,
        IReadOnlyList<ClusterExpectation> expected, string fluxNamespace, CancellationToken ct)
    {
        var deployments = (await cluster.AppsV1.ListNamespacedDeploymentAsync(@namespace, cancellationToken: ct).ConfigureAwait(false)).Items
            .ToDictionary(d => d.Metadata.Name, StringComparer.Ordinal);
        var configMaps = (await cluster.CoreV1.ListNamespacedConfigMapAsync(@namespace, cancellationToken: ct).ConfigureAwait(false)).Items
            .ToDictionary(c => c.Metadata.Name, StringComparer.Ordinal);
        var helmReleases = HelmReleaseReadiness(await cluster.CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(
            HelmGroup, HelmVersion, @namespace, "helmreleases", cancellationToken: ct).ConfigureAwait(false));

        var findings = new List<DriftFinding>();
        foreach (var module in expected)
        {
            // The HelmRelease owns the Deployment: reconciling it (with its chart source) restores image and readiness.
            var reconcileRelease = $"flux reconcile helmrelease {module.Module} -n {@namespace} --with-source";
            var reconcileEnvironment = $"flux reconcile kustomization {environment} -n {fluxNamespace} --with-source";
            DriftFinding Finding(string field, string want, string found, string repair) =>
                new(Kind, environment, module.Module, field, want, found, repair);

            if (!helmReleases.TryGetValue(module.Module, out var ready))
                findings.Add(Finding($"helmrelease/{module.Module} Ready", "True", "(no such HelmRelease)", reconcileEnvironment));
            else if (ready is not { Status: "True" })
                findings.Add(Finding($"helmrelease/{module.Module} Ready", "True", ready.Shown, reconcileRelease));

            if (module.Image is { } image)
            {
                if (!deployments.TryGetValue(module.Module, out var deployment))
                    findings.Add(Finding($"deployment/{module.Module} image", image, "(no such Deployment)", reconcileRelease));
                else
                    foreach (var container in deployment.Spec.Template.Spec.Containers.Where(c => !SameImage(image, c.Image)))
                        findings.Add(Finding(
                            $"deployment/{module.Module} containers[{container.Name}].image",
                            image,
                            container.Image ?? "(none)",
                            reconcileRelease));
            }

            if (module.ConfigData is { } data)
            {
                var name = $"{module.Module}-config";
                if (!configMaps.TryGetValue(name, out var live))
                {
                    findings.Add(Finding($"configmap/{name}", "(as in the repository)", "(no such ConfigMap)", reconcileEnvironment));
                    continue;
                }
                IReadOnlyDictionary<string, string> liveData = live.Data is null
                    ? new Dictionary<string, string>()
                    : new Dictionary<string, string>(live.Data);
                foreach (var key in data.Keys.Union(liveData.Keys).Order(StringComparer.Ordinal))
                {
                    var want = data.GetValueOrDefault(key);
                    var found = liveData.GetValueOrDefault(key);
                    if (want == found) continue;
                    findings.Add(Finding($"configmap/{name} data.{key}",
                        want is null ? "(no such key)" : SecretLiteralRule.Shown(key, want),
                        found is null ? "(missing)" : SecretLiteralRule.Shown(key, found), reconcileEnvironment));
                }
            }
        }
        return findings;
    }

    // A pinned image matches a live one written as the same reference, or carrying the same digest.
    private static bool SameImage(string expected, string? live)
    {
        if (live is null) return false;
        if (string.Equals(expected, live, StringComparison.Ordinal)) return true;
        var at = expected.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 && live.EndsWith(expected[at..], StringComparison.Ordinal) && live.StartsWith(expected[..at], StringComparison.Ordinal);
    }

    private sealed record Readiness(string Status, string? Reason, string? Message)
    {
        public string Shown => Reason is null ? Status : $"{Status} ({Reason}{(Message is null ? "" : $": {Message}")})";
    }

    // A HelmRelease list is untyped for KubernetesClient: read each item's status.conditions[type=Ready].
    private static Dictionary<string, Readiness> HelmReleaseReadiness(JsonElement list)
    {
        var result = new Dictionary<string, Readiness>(StringComparer.Ordinal);
        if (!list.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array) return result;
        foreach (var item in items.EnumerateArray())
        {
            var name = item.GetProperty("metadata").GetProperty("name").GetString()!;
            var readiness = new Readiness("Unknown", "NoReadyCondition", null);
            if (item.TryGetProperty("status", out var status) && status.TryGetProperty("conditions", out var conditions))
                foreach (var condition in conditions.EnumerateArray().Where(c => c.GetProperty("type").GetString() == "Ready"))
                    readiness = new Readiness(condition.GetProperty("status").GetString() ?? "Unknown",
                        condition.TryGetProperty("reason", out var r) ? r.GetString() : null,
                        condition.TryGetProperty("message", out var m) ? m.GetString() : null);
            result[name] = readiness;
        }
        return result;
    }
}
