namespace Release.Tooling.Kubernetes;

/// <summary>kubectl's <c>--dry-run</c> mode.</summary>
public enum KubectlDryRun
{
    /// <summary>Really apply.</summary>
    None,

    /// <summary>Only print what would be sent (<c>--dry-run=client</c>); needs no cluster for create, but apply still contacts it.</summary>
    Client,

    /// <summary>Let the API server validate without persisting (<c>--dry-run=server</c>).</summary>
    Server,
}
