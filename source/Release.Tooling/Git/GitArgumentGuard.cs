namespace Release.Tooling.Git;

/// <summary>Checks values that end up as git arguments, so a value can never be read as an option.</summary>
internal static class GitArgumentGuard
{
    /// <summary>Returns <paramref name="value"/> when it is a usable revision, branch, tag or remote name.</summary>
    public static string Name(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameter} must not be empty.", parameter);
        }
        if (value.StartsWith('-'))
        {
            throw new ArgumentException(
                $"{parameter} '{value}' starts with '-', which git would read as an option. Use a ref name, e.g. 'refs/heads/{value}'.",
                parameter);
        }
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"{parameter} '{value}' contains whitespace or control characters, which git refs cannot hold.", parameter);
        }
        return value;
    }

    /// <summary>Returns <paramref name="value"/> when it is a non-negative count.</summary>
    public static int Positive(int value, string parameter) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(parameter, value, $"{parameter} must be at least 1.");
}
