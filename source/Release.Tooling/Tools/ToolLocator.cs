using Release.Tooling.Processes;

namespace Release.Tooling.Tools;

/// <summary>Finds tools on PATH and explains how to install the ones that are missing.</summary>
public sealed class ToolLocator
{
    private readonly string? _pathVariable;

    /// <summary>Creates a locator searching <paramref name="pathVariable"/>, or this process's PATH when <c>null</c>.</summary>
    public ToolLocator(string? pathVariable = null)
    {
        _pathVariable = pathVariable;
    }

    /// <summary>Returns the full path of <paramref name="tool"/>'s executable.</summary>
    /// <exception cref="ToolNotFoundException">It is not on PATH; the message says how to install it.</exception>
    public Task<string> FindAsync(ToolInfo tool, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ct.ThrowIfCancellationRequested();
        var path = _pathVariable ?? Environment.GetEnvironmentVariable("PATH");
        var found = ExecutableSearch.Find(tool.Executable, path)
            ?? throw new ToolNotFoundException(tool.Executable, tool.InstallHint, ExecutableSearch.Describe(path));
        return Task.FromResult(found);
    }

    /// <summary>Returns the full path of the tool, or <c>null</c> when it is not installed.</summary>
    public Task<string?> TryFindAsync(ToolInfo tool, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(ExecutableSearch.Find(tool.Executable, _pathVariable ?? Environment.GetEnvironmentVariable("PATH")));
    }
}
