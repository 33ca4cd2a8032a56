namespace Release.Process.Approvals;

/// <summary>
/// A role that votes Go/NoGo on a release. The seed's four roles are provided; teams add their own
/// (e.g. <c>new ApprovalRole("Security")</c>). Role names compare case-insensitively.
/// </summary>
public sealed record ApprovalRole
{
    /// <summary>Creates a role.</summary>
    /// <param name="name">Letters, digits and '-', starting with a letter.</param>
    /// <exception cref="ArgumentException">The name is empty or has other characters.</exception>
    public ApprovalRole(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException(
                $"Approval role name '{name}' must start with a letter and contain only letters, digits and '-', e.g. 'ModuleLead'.",
                nameof(name));
        Name = name;
    }

    /// <summary>The role's name.</summary>
    public string Name { get; }

    /// <summary>The lead of the module being released.</summary>
    public static ApprovalRole ModuleLead { get; } = new("ModuleLead");

    /// <summary>Site reliability engineering: operability, DR and on-call.</summary>
    public static ApprovalRole Sre { get; } = new("Sre");

    /// <summary>Quality assurance: test suites on pre-production.</summary>
    public static ApprovalRole Qa { get; } = new("Qa");

    /// <summary>Product management: release notes and timing.</summary>
    public static ApprovalRole ProductManagement { get; } = new("ProductManagement");

    /// <summary>Case-insensitive equality on the name.</summary>
    /// <param name="other">The other role.</param>
    public bool Equals(ApprovalRole? other) => other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
