using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace Release.Engine.Hosting;

/// <summary>
/// The handshake with a bootstrap script that starts the compiled build before it knows whether the build's sources
/// changed since the compile: <c>build.sh</c> does, so that its change check runs on a second core while the runtime
/// starts instead of before it. The script passes <c>RELEASE_BOOTSTRAP_CHECK=FD:PID</c>, a pipe on which the check
/// prints a changed file or nothing, and <c>RELEASE_BOOTSTRAP</c>, its own path. Before it does anything, the build
/// reads the verdict; when something changed, it runs the script again with <c>RELEASE_BOOTSTRAP_RERUN=1</c> (the
/// script then compiles first, as without the handshake) and ends with that run's exit code. PID is the script's own
/// process id, which the build keeps through exec: the processes the build starts inherit the variables and ignore them.
/// </summary>
internal static class BootstrapCheck
{
    private const string CheckVariable = "RELEASE_BOOTSTRAP_CHECK";
    private const string ScriptVariable = "RELEASE_BOOTSTRAP";
    private const string RerunVariable = "RELEASE_BOOTSTRAP_RERUN";

    /// <summary>The script to run again when a source changed since the compile (or the verdict cannot be read); else null.</summary>
    public static string? ScriptToRunAgain() => ScriptToRunAgain(System.Environment.GetEnvironmentVariable, System.Environment.ProcessId);

    /// <summary><see cref="ScriptToRunAgain()"/> with the process's variables and id given (for tests).</summary>
    internal static string? ScriptToRunAgain(Func<string, string?> variable, int processId)
    {
        if (variable(CheckVariable) is not { } check) return null;
        var separator = check.IndexOf(':');
        if (separator < 0
            || !int.TryParse(check.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || pid != processId)
            return null;
        if (variable(ScriptVariable) is not { Length: > 0 } script) return null;

        // An unreadable verdict counts as a change: the second run checks again, the slow way, and is never wrong.
        var changed = !int.TryParse(check.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var descriptor)
                      || ReadVerdict(descriptor) is not "";
        return changed ? script : null;
    }

    /// <summary>
    /// What the check printed, or null when the pipe cannot be read. The read waits for the check to end, which it
    /// normally did while the runtime started, so it returns at once; it is the gate, so it is meant to block.
    /// </summary>
    private static string? ReadVerdict(int descriptor)
    {
        try
        {
            using var pipe = new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 0);
            var buffer = new byte[512];
            var length = 0;
            for (int read; length < buffer.Length && (read = pipe.Read(buffer, length, buffer.Length - length)) > 0;) length += read;
            return System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Runs the script again, told so, with the build's arguments; its exit code. Apart, so that the common case never loads the process
    /// APIs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<int> RunAgainAsync(string script, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(script) { UseShellExecute = false };
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.Environment.Remove(CheckVariable);
        start.Environment[RerunVariable] = "1";
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"The bootstrap script {script} could not be started again.");
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }
}
