using Release.Foundation.Secrets;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Release.Tooling.Tools;

namespace Release.Tooling.Processes;

/// <summary>
/// Runs external processes asynchronously: streams masked output lines, enforces timeouts and cancellation by
/// killing the whole process tree, and turns failures into exceptions that name the (masked) command line.
/// </summary>
public sealed class ProcessRunner : IProcessRunner
{
    private const int TailSize = 20;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="spec"/> to completion and returns its exit code and output.</summary>
    /// <exception cref="ToolNotFoundException">The executable is not on PATH or not executable.</exception>
    /// <exception cref="ProcessFailedException">Non-zero exit and <see cref="ProcessSpec.AllowNonZeroExit"/> is false.</exception>
    /// <exception cref="ProcessTimeoutException">The process ran longer than <see cref="ProcessSpec.Timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the process tree was killed.</exception>
    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.FileName, nameof(spec) + "." + nameof(ProcessSpec.FileName));
        cancellationToken.ThrowIfCancellationRequested();

        var masker = new SecretMasker(spec.Secrets);
        var commandLine = CommandLineFormatter.Format(spec.FileName, spec.Arguments, masker);
        using var process = new Process { StartInfo = CreateStartInfo(spec, masker) };
        var collector = new OutputCollector(masker, spec.OnOutput, TailSize);
        var stopwatch = Stopwatch.StartNew();
        Start(process, spec, masker);

        using var timeout = spec.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stdout = PumpAsync(process.StandardOutput, line => collector.Add(line, isError: false));
        var stderr = PumpAsync(process.StandardError, line => collector.Add(line, isError: true));
        var stdin = WriteInputAsync(process.StandardInput, spec.StandardInput);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            // Pipes may still hold lines after exit; a grandchild keeping them open is bounded by the same token.
            await Task.WhenAll(stdout, stderr, stdin).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(
                    $"Command was cancelled; it was killed with its child processes: {commandLine}", cancellationToken);
            }
            throw new ProcessTimeoutException(commandLine, spec.Timeout!.Value, collector.Tail());
        }
        stopwatch.Stop();
        collector.ThrowIfCallbackFailed();

        if (process.ExitCode != 0 && !spec.AllowNonZeroExit)
        {
            throw new ProcessFailedException(commandLine, process.ExitCode, collector.Tail());
        }
        return new ProcessResult(process.ExitCode, collector.Output, collector.Error, stopwatch.Elapsed);
    }

    private static ProcessStartInfo CreateStartInfo(ProcessSpec spec, SecretMasker masker)
    {
        var pathVariable = spec.Environment.TryGetValue("PATH", out var childPath) ? childPath : Environment.GetEnvironmentVariable("PATH");
        var executable = ExecutableSearch.Find(spec.FileName, pathVariable)
            ?? throw new ToolNotFoundException(masker.Mask(spec.FileName), InstallHintFor(spec.FileName), ExecutableSearch.Describe(pathVariable));
        if (spec.WorkingDirectory is { } directory && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"The working directory '{directory}' given in ProcessSpec.WorkingDirectory for '{masker.Mask(spec.FileName)}' does not exist. " +
                    "Create it first or fix the path.");
        }
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            StandardInputEncoding = Utf8,
            WorkingDirectory = spec.WorkingDirectory ?? "",
        };
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }
        return startInfo;
    }

    private static void Start(Process process, ProcessSpec spec, SecretMasker masker)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            // Found on PATH but not startable (removed meanwhile, no permission, bad interpreter).
            throw new ToolNotFoundException(masker.Mask(spec.FileName), $"{InstallHintFor(spec.FileName)} (start failed: {e.Message})");
        }
    }

    private static string InstallHintFor(string fileName) =>
        KnownTools.FindByExecutable(Path.GetFileName(fileName))?.InstallHint
        ?? $"install '{fileName}' or add the folder that holds it to PATH.";

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                onLine(line);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            // The process was killed and disposed while we read: nothing more to collect.
        }
    }

    private static async Task WriteInputAsync(StreamWriter input, string? text)
    {
        try
        {
            if (text is not null)
            {
                await input.WriteAsync(text).ConfigureAwait(false);
                await input.FlushAsync().ConfigureAwait(false);
            }
            input.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The child exited without reading all its input; its exit code tells the story.
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the cancellation and the kill.
        }
    }
}
