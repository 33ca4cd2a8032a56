namespace Release.Environments;

/// <summary>
/// A secret by reference: the name of a Kubernetes Secret in the environment's namespace and the key inside it. The
/// value itself never enters the configuration source, the rendered files or any report; the cluster supplies it.
/// </summary>
/// <param name="Name">The Secret's name, e.g. <c>gateway-secrets</c>.</param>
/// <param name="Key">The key inside the Secret, e.g. <c>ledger-token</c>.</param>
public sealed record SecretReference(string Name, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"secret {Name}/{Key}";
}
