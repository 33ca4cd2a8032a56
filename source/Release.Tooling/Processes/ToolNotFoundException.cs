namespace Release.Tooling.Processes;

/// <summary>Thrown when an executable cannot be found; says which tool and how to install it.</summary>
public sealed class ToolNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="tool"/> with a hint on how to install it.</summary>
    public ToolNotFoundException(string tool, string installHint, string? searched = null)
        : base($"The tool '{tool}' was not found{(searched is null ? "" : " in " + searched)}. To fix: {installHint}")
    {
        Tool = tool;
        InstallHint = installHint;
    }

    /// <summary>The executable name (or path) that was looked for.</summary>
    public string Tool { get; }

    /// <summary>How to install the tool, e.g. an apt-get command.</summary>
    public string InstallHint { get; }
}
