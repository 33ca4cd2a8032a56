using System.Globalization;

namespace Release.Tooling.Kubernetes;

/// <summary><c>kubectl create namespace NAME</c>.</summary>
/// <param name="Name">The namespace name.</param>
public sealed record KubectlCreateNamespaceSettings(string Name) : KubectlCreateSettings
{
    /// <inheritdoc />
    protected override IEnumerable<string> KindArguments() => ["namespace", KubernetesName.Require(Name, nameof(Name))];
}

/// <summary><c>kubectl create deployment NAME --image=IMAGE</c>.</summary>
/// <param name="Name">The deployment name.</param>
/// <param name="Image">The container image reference, e.g. <c>registry.example.com/apps/web:1.2.3</c>.</param>
public sealed record KubectlCreateDeploymentSettings(string Name, string Image) : KubectlCreateSettings
{
    /// <summary>The number of pods (<c>--replicas</c>).</summary>
    public int? Replicas { get; init; }

    /// <summary>The container port to expose (<c>--port</c>).</summary>
    public int? Port { get; init; }

    /// <inheritdoc />
    protected override IEnumerable<string> KindArguments()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Image, nameof(Image));
        var arguments = new List<string> { "deployment", KubernetesName.Require(Name, nameof(Name)), $"--image={Image}" };
        if (Replicas is { } replicas)
        {
            arguments.Add($"--replicas={(replicas >= 0 ? replicas : throw new ArgumentOutOfRangeException(nameof(Replicas), replicas, "Replicas must be 0 or more."))}");
        }
        if (Port is { } port)
        {
            arguments.Add($"--port={(port is > 0 and < 65536 ? port.ToString(CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(Port), port, "Port must be 1-65535."))}");
        }
        return arguments;
    }
}

/// <summary><c>kubectl create service clusterip NAME --tcp=PORT:TARGET</c>.</summary>
/// <param name="Name">The service name (also its pod selector <c>app=NAME</c>).</param>
/// <param name="Port">The service port.</param>
/// <param name="TargetPort">The container port traffic goes to.</param>
public sealed record KubectlCreateServiceSettings(string Name, int Port, int TargetPort) : KubectlCreateSettings
{
    /// <inheritdoc />
    protected override IEnumerable<string> KindArguments() =>
        ["service", "clusterip", KubernetesName.Require(Name, nameof(Name)), $"--tcp={Port}:{TargetPort}"];
}

/// <summary><c>kubectl create configmap NAME --from-literal=K=V --from-file=...</c>.</summary>
/// <param name="Name">The ConfigMap name.</param>
public sealed record KubectlCreateConfigMapSettings(string Name) : KubectlCreateSettings
{
    /// <summary>Key/value entries (<c>--from-literal</c>), in key order.</summary>
    public IReadOnlyDictionary<string, string> Literals { get; init; } = new Dictionary<string, string>();

    /// <summary>Files whose content becomes entries (<c>--from-file</c>); <c>key=path</c> or a path.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <inheritdoc />
    protected override IEnumerable<string> KindArguments()
    {
        var arguments = new List<string> { "configmap", KubernetesName.Require(Name, nameof(Name)) };
        arguments.AddRange(Literals.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => $"--from-literal={KubernetesName.RequireKey(l.Key, nameof(Literals))}={l.Value}"));
        arguments.AddRange(Files.Select(f => $"--from-file={f}"));
        return arguments;
    }
}
