namespace Release.Environments;

/// <summary>What a configuration key holds; an overlay keeps the kind its base declared.</summary>
public enum ConfigurationKind
{
    /// <summary>A plain value, rendered into the module's ConfigMap.</summary>
    Value,

    /// <summary>A feature flag (true or false), rendered into the ConfigMap and the chart's <c>featureFlags</c>.</summary>
    Flag,

    /// <summary>A secret by reference (<see cref="SecretReference"/>), rendered as a reference only.</summary>
    Secret,
}
