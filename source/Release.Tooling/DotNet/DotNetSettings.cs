namespace Release.Tooling.DotNet;

/// <summary>
/// What every <c>dotnet</c> command's options share: the project, the verbosity and MSBuild properties, and the shape of
/// the arguments (the command, the project, the command's own options, then verbosity and properties).
/// </summary>
public abstract record DotNetSettings
{
    /// <summary>The project or solution; <c>null</c> means the one in the working directory.</summary>
    public string? Project { get; init; }

    /// <summary>Log verbosity.</summary>
    public DotNetVerbosity? Verbosity { get; init; }

    /// <summary>MSBuild properties (<c>-p:Name=Value</c>), e.g. <c>Version</c> or <c>ContinuousIntegrationBuild</c>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>The command, e.g. <c>build</c>.</summary>
    protected abstract string Command { get; }

    /// <summary>Adds the command's own options, which go between the project and the verbosity.</summary>
    protected abstract void AddOptions(List<string> arguments);

    /// <summary>The dotnet arguments, starting with the command.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var arguments = new List<string> { Command };
        arguments.AddProject(Project);
        AddOptions(arguments);
        arguments.AddVerbosity(Verbosity);
        arguments.AddRange(MsBuildProperty.FormatAll(Properties));
        return arguments;
    }
}
