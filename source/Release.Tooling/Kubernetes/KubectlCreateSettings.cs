namespace Release.Tooling.Kubernetes;

/// <summary>
/// A <c>kubectl create ... --dry-run=client -o yaml</c> command: renders a manifest without an API server.
/// Each derived record is one kind of object.
/// </summary>
public abstract record KubectlCreateSettings
{
    /// <summary>The namespace written into the manifest (<c>--namespace</c>).</summary>
    public string? Namespace { get; init; }

    /// <summary>The kubectl arguments, starting with <c>create</c> and ending with the dry-run and YAML output options.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "create" };
        arguments.AddRange(KindArguments());
        if (Namespace is not null)
        {
            arguments.Add($"--namespace={KubernetesName.Require(Namespace, nameof(Namespace))}");
        }
        arguments.AddRange(["--dry-run=client", "--output=yaml"]);
        return arguments;
    }

    /// <summary>Text for kubectl's standard input, for values that must not be on the command line; <c>null</c> for none.</summary>
    public virtual string? StandardInput => null;

    /// <summary>The kind, the name and the kind's own options.</summary>
    protected abstract IEnumerable<string> KindArguments();
}
