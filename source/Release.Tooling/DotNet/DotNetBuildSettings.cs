namespace Release.Tooling.DotNet;

/// <summary>Options for <c>dotnet build</c>.</summary>
public sealed record DotNetBuildSettings : DotNetSettings
{
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

    /// <inheritdoc />
    protected override string Command => "build";

    /// <inheritdoc />
    protected override void AddOptions(List<string> arguments)
    {
        arguments.AddOption("--configuration", Configuration);
        arguments.AddOption("--output", Output);
        arguments.AddOption("--framework", Framework);
        arguments.AddOption("--runtime", Runtime);
        arguments.AddFlag("--no-restore", NoRestore);
        arguments.AddFlag("--no-incremental", NoIncremental);
    }
}
