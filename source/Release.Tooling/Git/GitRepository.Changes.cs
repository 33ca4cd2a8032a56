namespace Release.Tooling.Git;

public sealed partial class GitRepository
{
    /// <summary>Stages files.</summary>
    public Task AddAsync(GitAddSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RunAsync(settings.ToArguments(), ct);
    }

    /// <summary>Creates a commit and returns its full hash.</summary>
    public async Task<string> CommitAsync(GitCommitSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await RunAsync(settings.ToArguments(), ct, environment: settings.ToEnvironment()).ConfigureAwait(false);
        return await RevParseAsync("HEAD", ct).ConfigureAwait(false);
    }

    /// <summary>Creates a tag (annotated when it has a message).</summary>
    public Task TagAsync(GitTagSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RunAsync(settings.ToArguments(), ct, settings.Target, settings.ToEnvironment());
    }

    /// <summary>Adds a remote.</summary>
    public Task AddRemoteAsync(GitRemoteAddSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RunAsync(settings.ToArguments(), ct);
    }

    /// <summary>Sets a configuration value (<see cref="GitConfigSettings.Value"/> must be set).</summary>
    public Task SetConfigAsync(GitConfigSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Value is null)
        {
            throw new ArgumentException(
                $"SetConfigAsync needs GitConfigSettings.Value for '{settings.Key}'; use GetConfigAsync to read.",
                nameof(settings));
        }
        return RunAsync(settings.ToArguments(), ct);
    }

    /// <summary>Reads a configuration value; <c>null</c> when the key is not set.</summary>
    public async Task<string?> GetConfigAsync(GitConfigSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = await _git.RunAsync(Path, (settings with { Value = null }).ToArguments(),
            new GitRunOptions { AllowNonZeroExit = true }, ct).ConfigureAwait(false);
        // git config --get exits 1 for a missing key; other codes are real errors.
        return result.ExitCode switch
        {
            0 => result.OutputText.Trim(),
            1 => null,
            _ => throw new InvalidOperationException(
                $"git config --get {settings.Key} failed in '{Path}' with exit code {result.ExitCode}: {result.ErrorText}"),
        };
    }
}
