using System.Collections.Concurrent;
using System.Diagnostics;
using Release.Foundation.IO;

namespace Release.Oci.Server;

public sealed partial class RegistryServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>Starts the process on <paramref name="port"/>; null when the port was taken meanwhile.</summary>
    private static async Task<RegistryServer?> TryStartAsync(
        string executable, int port, string workDirectory, string storage,
        Action<string> log, CancellationToken cancellationToken)
    {
        var config = Path.Combine(workDirectory, "config.yml");
        await WriteConfigAsync(config, storage, port, cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "serve", config },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var recent = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            recent.Enqueue(e.Data);
            while (recent.Count > 50 && recent.TryDequeue(out _))
            {
            }

            log($"registry:{port}: {e.Data}");
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log($"started docker-registry (pid {process.Id}) on 127.0.0.1:{port}, storage {storage}");
        var server = new RegistryServer(process, recent, port, workDirectory, storage);
        try
        {
            if (await WaitUntilReadyAsync(process, port, cancellationToken).ConfigureAwait(false))
            {
                return server;
            }
        }
        catch
        {
            await StopAsync(process).ConfigureAwait(false);
            process.Dispose();
            throw;
        }

        var output = string.Join(Environment.NewLine, recent);
        process.Dispose();
        if (output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            log($"port {port} was taken before docker-registry could bind it; trying another");
            return null;
        }

        throw new InvalidOperationException(
            $"docker-registry exited before it was ready (config {config}). Its output:{Environment.NewLine}{output}");
    }

    /// <summary>Polls GET /v2/ until it answers; false when the process exits first.</summary>
    private static async Task<bool> WaitUntilReadyAsync(Process process, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var uri = new Uri($"http://127.0.0.1:{port}/v2/");
        try
        {
            while (!process.HasExited)
            {
                try
                {
                    using var response = await http.GetAsync(uri, timeout.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return true;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                // Readiness poll interval, bounded by StartTimeout; the exit check ends it early on failure.
                await Task.Delay(PollInterval, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"docker-registry on 127.0.0.1:{port} did not answer GET /v2/ within {StartTimeout.TotalSeconds} s.");
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Writes the registry's own config (loopback only, deletes enabled) via a temp file.</summary>
    private static async Task WriteConfigAsync(string path, string storage, int port, CancellationToken cancellationToken)
    {
        var yaml = $"""
            version: 0.1
            log:
              level: info
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: "{storage}"
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
            """;
        await AtomicFile.WriteTextAsync(path, yaml + Environment.NewLine, cancellationToken).ConfigureAwait(false);
    }
}
