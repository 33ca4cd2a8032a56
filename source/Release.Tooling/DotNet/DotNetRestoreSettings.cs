namespace Release.Tooling.DotNet;

/// <summary>Options for <c>dotnet restore</c>.</summary>
public sealed record DotNetRestoreSettings : DotNetSettings
{
    /// <summary>Package sources to use instead of the configured ones (<c>--source</c>, repeatable).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The NuGet configuration file (<c>--configfile</c>).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Where packages are extracted (<c>--packages</c>).</summary>
    public string? PackagesDirectory { get; init; }

    /// <summary>Restore for this runtime identifier (<c>--runtime</c>).</summary>
    public string? Runtime { get; init; }

    /// <summary>Fail when the lock file would change (<c>--locked-mode</c>).</summary>
    public bool LockedMode { get; init; }

    /// <inheritdoc />
    protected override string Command => "restore";

    /// <inheritdoc />
    protected override void AddOptions(List<string> arguments)
    {
        foreach (var source in Sources)
        {
            arguments.AddOption("--source", source);
        }
        arguments.AddOption("--configfile", ConfigFile);
        arguments.AddOption("--packages", PackagesDirectory);
        arguments.AddOption("--runtime", Runtime);
        arguments.AddFlag("--locked-mode", LockedMode);
    }
}
