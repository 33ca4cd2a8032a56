using YamlDotNet.RepresentationModel;
using static Release.Helm.Yaml.YamlText;

namespace Release.Helm.Charts;

/// <summary>
/// The production defaults a platform engineer expects of a chart (the knobs <c>helm create</c> offers, hardened):
/// a non-root pod with the runtime's default seccomp profile, a container that cannot escalate, holds no capabilities
/// and has a read-only root file system (with a writable emptyDir at /tmp, where .NET puts its diagnostics sockets),
/// its own ServiceAccount without a mounted API token, and resource requests and limits. They are seeded for the team:
/// written when absent, then the team's to tune.
/// </summary>
internal static class ChartHardening
{
    /// <summary>The numeric user the images run as (Microsoft's and the assembled base image's APP_UID).</summary>
    public const int AppUid = 1654;

    public static YamlMappingNode PodSecurityContext() => new()
    {
        { "runAsNonRoot", Bool(true) },
        // Numeric, so the kubelet can check runAsNonRoot even when the image names its user ("app").
        { "runAsUser", Number(AppUid) },
        { "runAsGroup", Number(AppUid) },
        { "fsGroup", Number(AppUid) },
        { "seccompProfile", new YamlMappingNode { { "type", "RuntimeDefault" } } },
    };

    public static YamlMappingNode ContainerSecurityContext() => new()
    {
        { "allowPrivilegeEscalation", Bool(false) },
        { "readOnlyRootFilesystem", Bool(true) },
        { "runAsNonRoot", Bool(true) },
        { "capabilities", new YamlMappingNode { { "drop", new YamlSequenceNode(String("ALL")) } } },
        { "seccompProfile", new YamlMappingNode { { "type", "RuntimeDefault" } } },
    };

    public static YamlMappingNode ServiceAccount() => new()
    {
        { "create", Bool(true) },
        // The module does not call the Kubernetes API: no token in the pod for an attacker to use.
        { "automount", Bool(false) },
        { "annotations", new YamlMappingNode() },
        { "name", String("") },
    };

    // Requests sized for a small ASP.NET service; the memory limit bounds the GC heap (.NET reads the cgroup limit).
    public static YamlMappingNode Resources() => new()
    {
        { "limits", new YamlMappingNode { { "cpu", String("500m") }, { "memory", String("256Mi") } } },
        { "requests", new YamlMappingNode { { "cpu", String("100m") }, { "memory", String("128Mi") } } },
    };

    public static YamlMappingNode TmpVolume() => new() { { "sizeLimit", String("64Mi") } };
}
