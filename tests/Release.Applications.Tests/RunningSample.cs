using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Release.Testing.Network;

namespace Release.Applications.Tests;

/// <summary>
/// One published sample module running as <c>dotnet APP.dll</c> on a free loopback port, stopped by its process id.
/// Its health is polled, never waited for by the clock.
/// </summary>
internal sealed class RunningSample : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private RunningSample(string name, System.Diagnostics.Process process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }
    public Uri Url { get; }

    /// <summary>Starts <paramref name="program"/> listening on <paramref name="url"/> (a free port when null).</summary>
    public static RunningSample Start(string name, string program, IReadOnlyDictionary<string, string> environment, Uri? url = null)
    {
        url ??= new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { program }, WorkingDirectory = Path.GetDirectoryName(program)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new System.Diagnostics.Process { StartInfo = start };
        var sample = new RunningSample(name, process, url);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) sample._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) sample._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    public string Output => string.Join('\n', _output.TakeLast(30));

    /// <summary>Polls <c>/health</c> until it answers at all (any status), and returns that answer.</summary>
    public async Task<(HttpStatusCode Status, string Body)> FirstHealthAnswerAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            if (_process.HasExited) Assert.Fail($"{Name} exited with {_process.ExitCode} before answering /health:\n{Output}");
            try
            {
                using var response = await client.GetAsync("health", cancellationToken);
                return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            }
            catch (HttpRequestException) { await Task.Delay(100, cancellationToken); } // not listening yet
        }
    }

    /// <summary>Waits until <c>/health</c> answers 200, failing with the answer and the output when it answers otherwise.</summary>
    public async Task HealthyAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await FirstHealthAnswerAsync(cancellationToken);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"{Name} is not healthy: {body}\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
