namespace Release.Tooling.Git;

/// <summary>Options for reading or writing one key with <c>git config</c>.</summary>
/// <param name="Key">The key, e.g. <c>user.name</c>.</param>
public sealed record GitConfigSettings(string Key)
{
    /// <summary>The value to set; <c>null</c> reads the key instead (<c>--get</c>).</summary>
    public string? Value { get; init; }

    /// <summary>The file to use; <c>Local</c> by default.</summary>
    public GitConfigScope Scope { get; init; } = GitConfigScope.Local;

    /// <summary>Add another value to a multi-valued key instead of replacing it (<c>--add</c>).</summary>
    public bool Add { get; init; }

    /// <summary>The git arguments, starting with <c>config</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "config", "--" + Scope.ToString().ToLowerInvariant() };
        var key = GitArgumentGuard.Name(Key, nameof(Key));
        if (!key.Contains('.'))
        {
            throw new ArgumentException($"Git config key '{key}' needs a section, e.g. 'user.name'.", nameof(Key));
        }
        if (Value is null)
        {
            if (Add)
            {
                throw new ArgumentException("GitConfigSettings.Add needs a Value to add.", nameof(Add));
            }
            arguments.AddRange(["--get", key]);
        }
        else
        {
            if (Add)
            {
                arguments.Add("--add");
            }
            arguments.AddRange([key, Value]);
        }
        return arguments;
    }
}
