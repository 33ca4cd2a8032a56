namespace Release.Process.Approvals;

/// <summary>How many of a gate's required roles must say Go.</summary>
public sealed record QuorumRule
{
    private QuorumRule(int? minimum) => Minimum = minimum;

    /// <summary>The number of roles needed; null means all required roles.</summary>
    public int? Minimum { get; }

    /// <summary>Every required role must say Go.</summary>
    public static QuorumRule AllRequiredRoles { get; } = new((int?)null);

    /// <summary>At least <paramref name="count"/> of the required roles must say Go (N of M).</summary>
    /// <param name="count">N, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">N is below 1.</exception>
    public static QuorumRule AtLeast(int count) => count >= 1
        ? new QuorumRule(count)
        : throw new ArgumentOutOfRangeException(nameof(count), count, "A quorum needs at least one Go: use AtLeast(1) or more.");

    /// <summary>How many Go roles are needed out of <paramref name="requiredRoles"/>.</summary>
    /// <param name="requiredRoles">M, the number of required roles.</param>
    public int Needed(int requiredRoles) => Minimum ?? requiredRoles;

    /// <inheritdoc />
    public override string ToString() => Minimum is { } n ? $"at least {n} of the required roles" : "all required roles";
}
