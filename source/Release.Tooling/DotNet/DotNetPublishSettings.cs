namespace Release.Tooling.DotNet;

/// <summary>Options for <c>dotnet publish</c>.</summary>
public sealed record DotNetPublishSettings : DotNetSettings
{
    /// <summary>The configuration (<c>--configuration</c>).</summary>
    public string? Configuration { get; init; }

    /// <summary>The output folder (<c>--output</c>).</summary>
    public string? Output { get; init; }

    /// <summary>Publish for one target framework (<c>--framework</c>).</summary>
    public string? Framework { get; init; }

    /// <summary>The runtime identifier, e.g. <c>linux-x64</c> (<c>--runtime</c>).</summary>
    public string? Runtime { get; init; }

    /// <summary><c>true</c>: include the runtime (<c>--self-contained</c>); <c>false</c>: <c>--no-self-contained</c>; <c>null</c>: project
    /// default.</summary>
    public bool? SelfContained { get; init; }

    /// <summary>Do not build first (<c>--no-build</c>).</summary>
    public bool NoBuild { get; init; }

    /// <summary>Skip the implicit restore (<c>--no-restore</c>).</summary>
    public bool NoRestore { get; init; }

    /// <inheritdoc />
    protected override string Command => "publish";

    /// <inheritdoc />
    protected override void AddOptions(List<string> arguments)
    {
        arguments.AddOption("--configuration", Configuration);
        arguments.AddOption("--output", Output);
        arguments.AddOption("--framework", Framework);
        arguments.AddOption("--runtime", Runtime);
        if (SelfContained is { } selfContained)
        {
            arguments.Add(selfContained ? "--self-contained" : "--no-self-contained");
        }
        arguments.AddFlag("--no-build", NoBuild);
        arguments.AddFlag("--no-restore", NoRestore);
    }
}
