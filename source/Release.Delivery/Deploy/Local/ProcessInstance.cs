using System.Collections.Concurrent;
using System.Diagnostics;

namespace Release.Delivery.Deploy.Local;

/// <summary>
/// A local deployment running as <c>dotnet APP.dll</c>. Started with <see cref="Process"/> directly: the tool layer's
/// ProcessRunner runs commands to completion, and a deployed service must outlive the call that starts it.
/// </summary>
internal sealed class ProcessInstance : LocalInstance
{
    private readonly System.Diagnostics.Process _process;
    private readonly ConcurrentQueue<string> _output;

    // Only a started process has an id, so the instance is made after Start.
    private ProcessInstance(System.Diagnostics.Process process, ConcurrentQueue<string> output, string program, string url)
        : base(url, $"process {process.Id} (dotnet {Path.GetFileName(program)})")
    {
        _process = process;
        _output = output;
        Program = program;
    }

    public string Program { get; }

    /// <summary>Starts <c>dotnet <paramref name="program"/></c> listening on <paramref name="url"/>.</summary>
    public static ProcessInstance Start(string program, string url, IReadOnlyDictionary<string, string> environment, Action<string> log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { program },
            WorkingDirectory = Path.GetDirectoryName(program)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = url; // the deployer's port wins over any setting
        var process = new System.Diagnostics.Process { StartInfo = start };
        var output = new ConcurrentQueue<string>();
        void Collect(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            while (output.Count > 50 && output.TryDequeue(out var _)) { }
            log(e.Data);
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProcessInstance(process, output, program, url);
    }

    public override Task<bool> IsRunningAsync(CancellationToken ct) => Task.FromResult(!_process.HasExited);

    public override async Task StopAsync(CancellationToken ct)
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(ct).ConfigureAwait(false);
        _process.Dispose();
    }

    public override Task<IReadOnlyList<string>> RecentOutputAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>(_output.TakeLast(15).ToList());

    public override LocalInstanceState ToState()
        => new("process", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Url, Program);
}
