namespace Release.Tooling.DotNet;

/// <summary>Options for <c>dotnet restore</c>.</summary>
public sealed record DotNetRestoreSettings
{
    /// <summary>The project or solution; <c>null</c> means the one in the working directory.</summary>
    public string? Project { get; init; }

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

    /// <summary>Log verbosity.</summary>
    public DotNetVerbosity? Verbosity { get; init; }

    /// <summary>MSBuild properties (<c>-p:Name=Value</c>).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The dotnet arguments, starting with <c>restore</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "restore" };
        arguments.AddProject(Project);
        foreach (var source in Sources)
        {
            arguments.AddOption("--source", source);
        }
        arguments.AddOption("--configfile", ConfigFile);
        arguments.AddOption("--packages", PackagesDirectory);
        arguments.AddOption("--runtime", Runtime);
        arguments.AddFlag("--locked-mode", LockedMode);
        arguments.AddVerbosity(Verbosity);
        arguments.AddRange(MsBuildProperty.FormatAll(Properties));
        return arguments;
    }
}
