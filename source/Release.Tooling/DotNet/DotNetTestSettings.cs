namespace Release.Tooling.DotNet;

/// <summary>Options for <c>dotnet test</c> (VSTest mode).</summary>
public sealed record DotNetTestSettings : DotNetSettings
{
    /// <summary>The configuration (<c>--configuration</c>).</summary>
    public string? Configuration { get; init; }

    /// <summary>Where result files (TRX, coverage) go (<c>--results-directory</c>).</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>Loggers (<c>--logger</c>, repeatable), e.g. <c>trx;LogFileName=unit.trx</c>.</summary>
    public IReadOnlyList<string> Loggers { get; init; } = [];

    /// <summary>Data collectors (<c>--collect</c>, repeatable), e.g. <see cref="CodeCoverageCollector"/>.</summary>
    public IReadOnlyList<string> Collectors { get; init; } = [];

    /// <summary>A .runsettings file (<c>--settings</c>).</summary>
    public string? SettingsFile { get; init; }

    /// <summary>A test filter expression (<c>--filter</c>), e.g. <c>Category!=Slow</c>.</summary>
    public string? Filter { get; init; }

    /// <summary>Test for one target framework (<c>--framework</c>).</summary>
    public string? Framework { get; init; }

    /// <summary>Do not build first (<c>--no-build</c>; implies no restore).</summary>
    public bool NoBuild { get; init; }

    /// <summary>Skip the implicit restore (<c>--no-restore</c>).</summary>
    public bool NoRestore { get; init; }

    /// <summary>The coverlet collector's name, which writes Cobertura XML under the results directory.</summary>
    public const string CodeCoverageCollector = "XPlat Code Coverage";

    /// <inheritdoc />
    protected override string Command => "test";

    /// <inheritdoc />
    protected override void AddOptions(List<string> arguments)
    {
        arguments.AddOption("--configuration", Configuration);
        arguments.AddOption("--framework", Framework);
        arguments.AddOption("--results-directory", ResultsDirectory);
        foreach (var logger in Loggers)
        {
            arguments.AddOption("--logger", logger);
        }
        foreach (var collector in Collectors)
        {
            arguments.AddOption("--collect", collector);
        }
        arguments.AddOption("--settings", SettingsFile);
        arguments.AddOption("--filter", Filter);
        arguments.AddFlag("--no-build", NoBuild);
        arguments.AddFlag("--no-restore", NoRestore);
    }
}
