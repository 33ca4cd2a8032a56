namespace Release.Stages.UnitTest;

/// <summary>How <see cref="CompiledTestSuite"/> runs a set of compiled test projects.</summary>
public sealed record CompiledTestSuiteOptions
{
    /// <summary>Where each project's <c>NAME.trx</c> and <c>NAME.junit.xml</c> go.</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>The configuration the projects were compiled in.</summary>
    public required string Configuration { get; init; }

    /// <summary>A <c>dotnet test --filter</c> expression; with one, a project none of whose tests match is not a failure, but the whole run must
    /// still execute a test.</summary>
    public string? Filter { get; init; }

    /// <summary>An empty set of projects passes (a partition declared as possibly empty); otherwise it fails with
    /// <see cref="NothingToRun"/>.</summary>
    public bool EmptyAllowed { get; init; }

    /// <summary>What to say when there is no project to run: which selection was empty and how to allow it.</summary>
    public string NothingToRun { get; init; } = "There is no test project to run.";
}
