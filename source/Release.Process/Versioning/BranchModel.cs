namespace Release.Process.Versioning;

/// <summary>
/// Maps branches to channels and pre-release labels with an ordered list of <see cref="BranchRule"/>s
/// (first match wins). Use <see cref="GitFlow"/> (the default) or <see cref="TrunkBased"/>, or give your own rules.
/// </summary>
public sealed class BranchModel
{
    /// <summary>Creates a model from rules in priority order.</summary>
    /// <param name="name">A name for messages, e.g. "git-flow".</param>
    /// <param name="rules">The rules; each is validated.</param>
    /// <exception cref="ArgumentException">No rules, or an invalid rule.</exception>
    public BranchModel(string name, IEnumerable<BranchRule> rules)
    {
        Name = name;
        Rules = rules.ToArray();
        if (Rules.Count == 0)
            throw new ArgumentException(
                $"Branch model '{name}' has no rules: add at least one, e.g. new BranchRule(\"main\", ReleaseChannel.Stable, null).");
        foreach (var rule in Rules) rule.Validate();
    }

    /// <summary>The model's name, used in messages.</summary>
    public string Name { get; }

    /// <summary>The rules in priority order.</summary>
    public IReadOnlyList<BranchRule> Rules { get; }

    /// <summary>
    /// Git-flow: <c>main</c>/<c>master</c> → stable; <c>hotfix/*</c> → stable patch line; <c>release/*</c> → beta;
    /// <c>develop</c> → alpha; any other branch → alpha with the sanitised branch name.
    /// </summary>
    public static BranchModel GitFlow() => new("git-flow",
    [
        new BranchRule("main", ReleaseChannel.Stable, null),
        new BranchRule("master", ReleaseChannel.Stable, null),
        new BranchRule("hotfix/*", ReleaseChannel.Stable, null, IsPatchLine: true),
        new BranchRule("release/*", ReleaseChannel.Beta, "beta"),
        new BranchRule("develop", ReleaseChannel.Alpha, "alpha"),
        new BranchRule("*", ReleaseChannel.Alpha, "alpha", IncludeBranchName: true),
    ]);

    /// <summary>Trunk-based: <c>main</c>/<c>master</c> → stable; every other branch → alpha with the sanitised branch name.</summary>
    public static BranchModel TrunkBased() => new("trunk-based",
    [
        new BranchRule("main", ReleaseChannel.Stable, null),
        new BranchRule("master", ReleaseChannel.Stable, null),
        new BranchRule("*", ReleaseChannel.Alpha, "alpha", IncludeBranchName: true),
    ]);

    /// <summary>The built-in model called <paramref name="name"/>: <c>git-flow</c> (or <c>gitflow</c>) or <c>trunk-based</c> (or <c>trunk</c>), any
    /// case.</summary>
    /// <exception cref="ArgumentException">No built-in model has that name; the message lists the names.</exception>
    public static BranchModel Named(string name) => name.Trim().ToLowerInvariant() switch
    {
        "git-flow" or "gitflow" => GitFlow(),
        "trunk-based" or "trunk" => TrunkBased(),
        var other => throw new ArgumentException($"Branch model '{other}' is unknown. Use git-flow (the default) or trunk-based.", nameof(name)),
    };

    /// <summary>Finds the policy for a branch.</summary>
    /// <param name="branch">The branch name (a leading <c>refs/heads/</c> is ignored).</param>
    /// <exception cref="ArgumentException">No rule matches; the message lists the patterns.</exception>
    public BranchPolicy Resolve(string branch)
    {
        var name = BranchNames.Normalise(branch);
        var rule = Rules.FirstOrDefault(r => r.Matches(name))
            ?? throw new ArgumentException(
                $"Branch '{name}' matches no rule of branch model '{Name}' (patterns: {string.Join(", ", Rules.Select(r => r.Pattern))}). " +
                "Add a rule for it, or a catch-all rule '*'.", nameof(branch));
        var identifiers = new List<string>();
        if (rule.PreReleaseLabel is not null) identifiers.Add(rule.PreReleaseLabel);
        if (rule.IncludeBranchName) identifiers.Add(BranchNames.ToIdentifier(name));
        return new BranchPolicy(name, rule, identifiers);
    }
}
