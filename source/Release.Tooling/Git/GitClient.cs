using Release.Foundation.Secrets;
using Release.Tooling.Processes;

namespace Release.Tooling.Git;

/// <summary>
/// Runs the git CLI through <see cref="ProcessRunner"/>: never prompts, reads messages in the C locale,
/// masks credentials embedded in URLs, and turns "no such repository/branch" failures into clear exceptions.
/// </summary>
public sealed class GitClient
{
    private readonly IProcessRunner _runner;
    private readonly Action<string>? _log;
    private readonly IReadOnlyCollection<string> _secrets;

    /// <summary>Creates a client; <paramref name="log"/> receives command lines and progress, <paramref name="secrets"/> are always masked.</summary>
    public GitClient(IProcessRunner? runner = null, Action<string>? log = null, IEnumerable<string>? secrets = null)
    {
        _runner = runner ?? new ProcessRunner();
        _log = log;
        _secrets = (secrets ?? []).ToArray();
    }

    /// <summary>Runs <c>git ARGUMENTS</c> in <paramref name="workingDirectory"/>; a non-zero exit throws unless allowed.</summary>
    /// <exception cref="GitRepositoryNotFoundException">The folder is not inside a repository.</exception>
    /// <exception cref="ProcessFailedException">Any other failure.</exception>
    public async Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments,
        GitRunOptions? options = null, CancellationToken ct = default)
    {
        options ??= new GitRunOptions();
        var allSecrets = _secrets.Concat(options.Secrets).Concat(arguments.SelectMany(GitUrlCredentials.SecretsIn)).ToArray();
        var environment = new Dictionary<string, string?>
        {
            ["GIT_TERMINAL_PROMPT"] = "0", // fail instead of waiting for a password nobody will type
            ["LC_ALL"] = "C",              // messages the error translation can recognise
        };
        foreach (var (name, value) in options.Environment)
        {
            environment[name] = value;
        }
        _log?.Invoke("> " + CommandLineFormatter.Format("git", arguments, new SecretMasker(allSecrets)));
        var spec = new ProcessSpec("git", arguments)
        {
            WorkingDirectory = workingDirectory,
            Environment = environment,
            Secrets = allSecrets,
            AllowNonZeroExit = options.AllowNonZeroExit,
            OnOutput = options.StreamOutput ? _log : null,
            Timeout = options.Timeout,
        };
        try
        {
            return await _runner.RunAsync(spec, ct).ConfigureAwait(false);
        }
        catch (ProcessFailedException failure) when (GitErrorTranslator.ForLocal(failure, workingDirectory, options.Reference) is { } clear)
        {
            throw clear;
        }
    }

    /// <summary>Clones a repository and returns it.</summary>
    /// <exception cref="GitRepositoryNotFoundException">The source is not a reachable repository.</exception>
    /// <exception cref="GitRefNotFoundException"><see cref="GitCloneSettings.Branch"/> does not exist there.</exception>
    public async Task<GitRepository> CloneAsync(GitCloneSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var arguments = settings.ToArguments();
        var parent = Path.GetDirectoryName(Path.GetFullPath(settings.Directory))!;
        Directory.CreateDirectory(parent);
        await RunRemoteAsync(parent, arguments, settings.Source, settings.Branch, ct).ConfigureAwait(false);
        return new GitRepository(Path.GetFullPath(settings.Directory), this);
    }

    /// <summary>
    /// Gets exactly one revision (branch, tag or commit hash) of <paramref name="source"/> into a new
    /// repository at <paramref name="directory"/> with a detached HEAD: init, fetch that revision, check it out.
    /// </summary>
    public async Task<GitRepository> CloneAtRevisionAsync(string source, string directory, string revision,
        int? depth = null, CancellationToken ct = default)
    {
        var repository = await InitAsync(new GitInitSettings(directory), ct).ConfigureAwait(false);
        await RunAsync(repository.Path, new GitRemoteAddSettings("origin", source).ToArguments(), ct: ct).ConfigureAwait(false);
        var fetch = new GitFetchSettings { RefSpecs = [revision], Depth = depth }.ToArguments();
        await RunRemoteAsync(repository.Path, fetch, source, revision, ct).ConfigureAwait(false);
        await RunAsync(repository.Path, new GitCheckoutSettings("FETCH_HEAD") { Detach = true }.ToArguments(), ct: ct).ConfigureAwait(false);
        return repository;
    }

    /// <summary>Creates a repository (bare or with a working tree) and returns it.</summary>
    public async Task<GitRepository> InitAsync(GitInitSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var full = Path.GetFullPath(settings.Directory);
        Directory.CreateDirectory(full);
        await RunAsync(full, settings.ToArguments(), ct: ct).ConfigureAwait(false);
        return new GitRepository(full, this);
    }

    /// <summary>Returns git's version, e.g. <c>2.39.5</c>.</summary>
    public async Task<string> VersionAsync(CancellationToken ct = default)
    {
        var result = await RunAsync(Directory.GetCurrentDirectory(), ["--version"], ct: ct).ConfigureAwait(false);
        return result.OutputText.Replace("git version", "", StringComparison.Ordinal).Trim();
    }

    /// <summary>Runs a command that talks to <paramref name="url"/>, translating "no such repository/ref" failures.</summary>
    internal async Task<ProcessResult> RunRemoteAsync(string workingDirectory, IReadOnlyList<string> arguments,
        string url, string? reference, CancellationToken ct)
    {
        try
        {
            return await RunAsync(workingDirectory, arguments, new GitRunOptions { StreamOutput = true }, ct).ConfigureAwait(false);
        }
        catch (ProcessFailedException failure)
        {
            var masked = new SecretMasker(_secrets.Concat(GitUrlCredentials.SecretsIn(url))).Mask(url);
            throw GitErrorTranslator.ForRemote(failure, masked, reference) ?? (Exception)failure;
        }
    }
}
