namespace Release.Tooling.DotNet;

/// <summary>Options for <c>dotnet build</c>.</summary>
public sealed record DotNetBuildSettings
{
    /// <summary>The project or solution; <c>null</c> means the one in the working directory.</summary>
    public string? Project { get; init; }

    /// <summary>The configuration, e.g. <c>Release</c> (<c>--configuration</c>).</summary>
    public string? Configuration { get; init; }

    /// <summary>The output folder (<c>--output</c>).</summary>
    public string? Output { get; init; }

    /// <summary>Build for one target framework (<c>--framework</c>).</summary>
    public string? Framework { get; init; }

    /// <summary>Build for one runtime identifier (<c>--runtime</c>).</summary>
    public string? Runtime { get; init; }

    /// <summary>Skip the implicit restore (<c>--no-restore</c>).</summary>
    public bool NoRestore { get; init; }

    /// <summary>Ignore incremental state and rebuild (<c>--no-incremental</c>).</summary>
    public bool NoIncremental { get; init; }

    /// <summary>Log verbosity.</summary>
    public DotNetVerbosity? Verbosity { get; init; }

    /// <summary>MSBuild properties (<c>-p:Name=Value</c>), e.g. <c>Version</c> or <c>ContinuousIntegrationBuild</c>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The dotnet arguments, starting with <c>build</c>.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { "build" };
        arguments.AddProject(Project);
        arguments.AddOption("--configuration", Configuration);
        arguments.AddOption("--output", Output);
        arguments.AddOption("--framework", Framework);
        arguments.AddOption("--runtime", Runtime);
        arguments.AddFlag("--no-restore", NoRestore);
        arguments.AddFlag("--no-incremental", NoIncremental);
        arguments.AddVerbosity(Verbosity);
        arguments.AddRange(MsBuildProperty.FormatAll(Properties));
        return arguments;
    }
}
