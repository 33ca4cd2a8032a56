using Release.Process.Promotion;

namespace Release.Process.Applications.Releases;

/// <summary>
/// One step of the promotion chain for application releases: the environments of one declared group, promoted as one
/// batch under one approval.
/// </summary>
/// <param name="Name">The group's name, e.g. <c>staging</c>.</param>
/// <param name="Environments">Its environments, e.g. <c>staging-eu</c>, <c>staging-us</c>.</param>
/// <param name="RequiresBlessing">True when only a blessed set, with exactly the blessed digests, may go there (production).</param>
/// <param name="AllowsPartialSuccess">True when a batch that failed in some environments may leave the others on the new
/// set; false (the default) puts every environment of the batch back.</param>
public sealed record ChainStep(string Name, IReadOnlyList<string> Environments, bool RequiresBlessing, bool AllowsPartialSuccess = false);

/// <summary>The steps an application release goes through, in order; each step needs the set in the step before it.</summary>
public sealed class SetChain
{
    /// <summary>Creates a chain.</summary>
    /// <param name="steps">The steps in promotion order.</param>
    /// <exception cref="ArgumentException">No step, a step without environments, an environment in two places.</exception>
    public SetChain(IEnumerable<ChainStep> steps)
    {
        Steps = steps.ToArray();
        if (Steps.Count == 0)
            throw new ArgumentException(
                "The promotion chain has no step: declare the environments in promotion order, e.g. staging, pre-prod, production.");
        var empty = Steps.FirstOrDefault(s => s.Environments.Count == 0 || s.Environments.Any(string.IsNullOrWhiteSpace));
        if (empty is not null)
            throw new ArgumentException($"Step '{empty.Name}' of the promotion chain has no environment or an environment without a name.");
        var twice = Steps.SelectMany(s => s.Environments).GroupBy(e => e, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new ArgumentException($"Environment '{twice.Key}' appears twice in the promotion chain: each environment belongs to one step.");
    }

    /// <summary>The steps in order.</summary>
    public IReadOnlyList<ChainStep> Steps { get; }

    /// <summary>One step per environment of an <see cref="EnvironmentChain"/>, for teams that declare no groups.</summary>
    /// <param name="chain">The environments in order.</param>
    public static SetChain Of(EnvironmentChain chain) =>
        new(chain.Environments.Select(e => new ChainStep(e.Name, [e.Name], e.RequiresBlessing)));

    /// <summary>The position of the step holding <paramref name="environment"/>, or -1 when no step holds it.</summary>
    public int StepIndexOf(string environment)
    {
        for (var i = 0; i < Steps.Count; i++)
            if (Steps[i].Environments.Contains(environment, StringComparer.Ordinal)) return i;
        return -1;
    }

    /// <summary>The chain as an <see cref="EnvironmentChain"/>: every environment in step order.</summary>
    public EnvironmentChain Flattened() =>
        new(Steps.SelectMany(s => s.Environments.Select(e => new DeploymentEnvironment(e, s.RequiresBlessing))));

    /// <inheritdoc />
    public override string ToString() => string.Join(" -> ", Steps.Select(s => s.Environments.Count == 1 && s.Environments[0] == s.Name
        ? s.Name : $"{s.Name} ({string.Join(", ", s.Environments)})"));
}
