namespace Release.Process.Approvals;

/// <summary>How people are compared: trimmed and case-insensitive, since e-mail addresses and user names from git,
/// CI and chat differ in case.</summary>
internal static class Identity
{
    public static bool Same(string? left, string? right) =>
        string.Equals(left?.Trim(), right?.Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool IsIn(string who, IEnumerable<string> people) => people.Any(p => Same(p, who));
}
