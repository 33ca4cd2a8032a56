namespace Release.Tooling.DotNet;

/// <summary>MSBuild log verbosity (<c>--verbosity</c>).</summary>
public enum DotNetVerbosity
{
    /// <summary><c>quiet</c></summary>
    Quiet,

    /// <summary><c>minimal</c></summary>
    Minimal,

    /// <summary><c>normal</c></summary>
    Normal,

    /// <summary><c>detailed</c></summary>
    Detailed,

    /// <summary><c>diagnostic</c></summary>
    Diagnostic,
}
