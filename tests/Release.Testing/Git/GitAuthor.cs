namespace Release.Testing.Git;

/// <summary>A name and e-mail used as author or committer of fixture commits.</summary>
public sealed record GitAuthor(string Name, string Email)
{
    /// <summary>The identity fixture commits use when the test does not care.</summary>
    public static GitAuthor Default { get; } = new("Test Author", "test.author@example.com");
}
