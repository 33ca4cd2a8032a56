using Release.Helm.Charts;

namespace Release.Helm.Tests.Support;

/// <summary>A realistic chart spec used across tests.</summary>
public static class SampleCharts
{
    public const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static ChartSpec OrderRouter() => new("order-router", "1.4.0", "1.4.0", "registry.local/apps/order-router", Digest)
    {
        Description = "Routes orders to venues",
        ContainerPort = 8080,
        HealthPath = "/health",
        Replicas = 2,
        ServicePort = 80,
        Resources = new ResourceRequirements("100m", "128Mi", "1", "256Mi"),
        Config = new Dictionary<string, string> { ["VENUE"] = "XLON", ["LOG_LEVEL"] = "info" },
        Labels = new Dictionary<string, string> { ["team"] = "trading" },
    };
}
