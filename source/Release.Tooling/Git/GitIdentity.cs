namespace Release.Tooling.Git;

/// <summary>A person or bot as git records it: name and e-mail, optionally with a fixed date.</summary>
/// <param name="Name">The display name, e.g. <c>Release Bot</c>.</param>
/// <param name="Email">The e-mail address, e.g. <c>release-bot@example.com</c>.</param>
public sealed record GitIdentity(string Name, string Email)
{
    /// <summary>The date recorded with the identity; <c>null</c> means now.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Renders <c>Name &lt;email&gt;</c> after checking that both parts are valid.</summary>
    public string ToAuthorString()
    {
        Validate();
        return $"{Name} <{Email}>";
    }

    /// <summary>The date in the ISO 8601 form git accepts, or <c>null</c>.</summary>
    public string? DateString => Date?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Returns the environment variables that make git use this identity as <paramref name="role"/> (AUTHOR or COMMITTER).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToEnvironment(string role)
    {
        Validate();
        yield return new($"GIT_{role}_NAME", Name);
        yield return new($"GIT_{role}_EMAIL", Email);
        if (DateString is { } date)
        {
            yield return new($"GIT_{role}_DATE", date);
        }
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.IndexOfAny(['<', '>', '\n']) >= 0)
        {
            throw new ArgumentException($"Git identity name '{Name}' must be non-empty without '<', '>' or newlines.", nameof(Name));
        }
        if (string.IsNullOrWhiteSpace(Email) || Email.IndexOfAny(['<', '>', '\n', ' ']) >= 0)
        {
            throw new ArgumentException($"Git identity e-mail '{Email}' must be non-empty without '<', '>', spaces or newlines.", nameof(Email));
        }
    }
}
