namespace Release.Tooling.Kubernetes;

/// <summary>Options for <c>kubectl apply</c>. Needs a reachable API server.</summary>
public sealed record KubectlApplySettings
{
    /// <summary>Manifest files or folders (<c>--filename</c>, repeatable).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>A kustomization folder (<c>--kustomize</c>) instead of files.</summary>
    public string? KustomizeDirectory { get; init; }

    /// <summary>The kubeconfig file (<c>--kubeconfig</c>).</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubeconfig context (<c>--context</c>).</summary>
    public string? Context { get; init; }

    /// <summary>The namespace (<c>--namespace</c>).</summary>
    public string? Namespace { get; init; }

    /// <summary>Use server-side apply (<c>--server-side</c>).</summary>
    public bool ServerSide { get; init; }

    /// <summary>The field manager name for server-side apply (<c>--field-manager</c>).</summary>
    public string? FieldManager { get; init; }

    /// <summary>Take over fields owned by other managers (<c>--force-conflicts</c>; server-side only).</summary>
    public bool ForceConflicts { get; init; }

    /// <summary>Dry-run mode.</summary>
    public KubectlDryRun DryRun { get; init; } = KubectlDryRun.None;

    /// <summary>Delete objects no longer in the manifests (<c>--prune</c>; needs <see cref="Selector"/>).</summary>
    public bool Prune { get; init; }

    /// <summary>A label selector (<c>--selector</c>), e.g. <c>app.kubernetes.io/part-of=director</c>.</summary>
    public string? Selector { get; init; }

    /// <summary>Wait until the objects are ready (<c>--wait</c>).</summary>
    public bool Wait { get; init; }

    /// <summary>The kubectl arguments, starting with <c>apply</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        if ((Files.Count == 0) == (KustomizeDirectory is null))
        {
            throw new ArgumentException("KubectlApplySettings needs either Files or KustomizeDirectory, not both and not neither.", nameof(Files));
        }
        if (Prune && Selector is null)
        {
            throw new ArgumentException("KubectlApplySettings.Prune needs a Selector, or it would prune every object kubectl can see.", nameof(Prune));
        }
        if (ForceConflicts && !ServerSide)
        {
            throw new ArgumentException("KubectlApplySettings.ForceConflicts only works with ServerSide = true.", nameof(ForceConflicts));
        }
        var arguments = new List<string> { "apply" };
        arguments.AddRange(Files.Select(f => $"--filename={f}"));
        if (KustomizeDirectory is not null)
        {
            arguments.Add($"--kustomize={KustomizeDirectory}");
        }
        Add(arguments, "--kubeconfig", Kubeconfig);
        Add(arguments, "--context", Context);
        Add(arguments, "--namespace", Namespace is null ? null : KubernetesName.Require(Namespace, nameof(Namespace)));
        if (ServerSide)
        {
            arguments.Add("--server-side");
        }
        Add(arguments, "--field-manager", FieldManager);
        if (ForceConflicts)
        {
            arguments.Add("--force-conflicts");
        }
        if (DryRun != KubectlDryRun.None)
        {
            arguments.Add($"--dry-run={DryRun.ToString().ToLowerInvariant()}");
        }
        if (Prune)
        {
            arguments.Add("--prune");
        }
        Add(arguments, "--selector", Selector);
        if (Wait)
        {
            arguments.Add("--wait");
        }
        return arguments;
    }

    private static void Add(List<string> arguments, string option, string? value)
    {
        if (value is not null)
        {
            arguments.Add($"{option}={value}");
        }
    }
}
