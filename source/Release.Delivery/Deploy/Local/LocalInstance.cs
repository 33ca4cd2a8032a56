namespace Release.Delivery.Deploy.Local;

/// <summary>A running local deployment: a container or a process answering at <see cref="Url"/>.</summary>
internal abstract class LocalInstance
{
    protected LocalInstance(string url, string description)
    {
        Url = url;
        Description = description;
    }

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    /// <summary>What runs, for logs: <c>podman container director-local-1a2b</c>.</summary>
    public string Description { get; }

    /// <summary>False once the container or process has exited.</summary>
    public abstract Task<bool> IsRunningAsync(CancellationToken ct);

    /// <summary>Stops and removes the instance; stopping one that is already gone succeeds.</summary>
    public abstract Task StopAsync(CancellationToken ct);

    /// <summary>The instance's last output lines, for error messages.</summary>
    public abstract Task<IReadOnlyList<string>> RecentOutputAsync(CancellationToken ct);

    /// <summary>What a later run needs to find and stop this instance (after <c>--keep-running</c>).</summary>
    public abstract LocalInstanceState ToState();
}
