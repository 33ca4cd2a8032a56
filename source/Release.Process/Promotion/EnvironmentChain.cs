namespace Release.Process.Promotion;

/// <summary>One deployment environment in promotion order.</summary>
/// <param name="Name">The environment's name, e.g. <c>pre-prod</c>.</param>
/// <param name="RequiresBlessing">True when only blessed digests may be deployed (production).</param>
public sealed record DeploymentEnvironment(string Name, bool RequiresBlessing);

/// <summary>The environments a release goes through, in order; each one needs the previous one first.</summary>
public sealed class EnvironmentChain
{
    /// <summary>Creates a chain.</summary>
    /// <param name="environments">The environments in promotion order.</param>
    /// <exception cref="ArgumentException">Empty chain, duplicate or empty names.</exception>
    public EnvironmentChain(IEnumerable<DeploymentEnvironment> environments)
    {
        Environments = environments.ToArray();
        if (Environments.Count == 0)
            throw new ArgumentException("Environment chain is empty: list the environments in promotion order, e.g. staging, pre-prod, production.");
        if (Environments.Any(e => string.IsNullOrWhiteSpace(e.Name)))
            throw new ArgumentException("Environment chain has an environment without a name.");
        var duplicate = Environments.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Environment '{duplicate.Key}' appears twice in the chain.");
    }

    /// <summary>The environments in order.</summary>
    public IReadOnlyList<DeploymentEnvironment> Environments { get; }

    /// <summary>The default chain: staging → pre-prod → production (production needs a blessed digest).</summary>
    public static EnvironmentChain Default() => new([new("staging", false), new("pre-prod", false), new("production", true)]);

    /// <summary>The position of an environment in the chain.</summary>
    /// <param name="name">The environment name.</param>
    /// <exception cref="ArgumentException">Unknown environment; the message lists the chain.</exception>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Environments.Count; i++)
            if (Environments[i].Name == name) return i;
        throw new ArgumentException($"Environment '{name}' is not in the chain ({this}): use one of those names.");
    }

    /// <summary>The environment with that name.</summary>
    /// <param name="name">The environment name.</param>
    public DeploymentEnvironment Get(string name) => Environments[IndexOf(name)];

    /// <inheritdoc />
    public override string ToString() => string.Join(" -> ", Environments.Select(e => e.Name));
}
