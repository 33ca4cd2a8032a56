namespace Release.Oci;

/// <summary>Tuning of an <see cref="OciRegistryClient"/>: retries, upload strategy, transport.</summary>
public sealed record OciRegistryClientOptions
{
    /// <summary>
    /// How many times one request is tried in total when the connection fails or the registry answers 408, 429 or 5xx
    /// (1 means no retry). Default 4. A <c>Retry-After</c> header sets the wait (up to 30 s).
    /// </summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The median wait before the first retry; later waits grow exponentially with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>These retry settings as the shared HTTP retry policy's options (jittered backoff, Retry-After honoured).</summary>
    internal Release.Tooling.Http.HttpRetryOptions Retry => new()
    {
        MaxAttempts = MaxAttempts,
        InitialDelay = InitialRetryDelay,
        MaxDelay = MaxRetryDelay,
        TimeProvider = TimeProvider,
    };

    /// <summary>The clock retry waits are measured on; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Blobs larger than this are uploaded in chunks (PATCH with Content-Range); smaller ones in one PUT.
    /// Default 64 MiB.
    /// </summary>
    public long ChunkedUploadThreshold { get; init; } = 64L * 1024 * 1024;

    /// <summary>The size of one chunk of a chunked upload. Default 16 MiB.</summary>
    public int ChunkSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>The longest time one HTTP request may take. Default 10 minutes (large layers).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many tags to ask for per page when listing (<c>?n=</c>); null leaves it to the registry.
    /// Pages are followed through the registry's Link headers either way.
    /// </summary>
    public int? TagPageSize { get; init; }

    /// <summary>
    /// Forces plain HTTP (true) or HTTPS (false) when the registry address has no scheme.
    /// When null: <c>localhost</c> and loopback addresses use HTTP, every other host HTTPS.
    /// </summary>
    public bool? PlainHttp { get; init; }

    /// <summary>
    /// Called once per client, before its first request, with the registry's <c>host[:port]</c>. Lets the caller bring
    /// up a registry on demand (the pipeline's embedded one) only when something really talks to it. Null: nothing.
    /// </summary>
    public Func<string, CancellationToken, Task>? BeforeFirstRequest { get; init; }

    /// <summary>Checks the values and names the option that is wrong.</summary>
    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentException($"{nameof(MaxAttempts)} is {MaxAttempts}; it must be at least 1.", nameof(MaxAttempts));
        }

        if (ChunkSize < 1)
        {
            throw new ArgumentException($"{nameof(ChunkSize)} is {ChunkSize}; it must be a positive number of bytes.", nameof(ChunkSize));
        }

        if (TagPageSize is < 1)
        {
            throw new ArgumentException($"{nameof(TagPageSize)} is {TagPageSize}; it must be at least 1 or null.", nameof(TagPageSize));
        }

        if (InitialRetryDelay < TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            throw new ArgumentException(
                $"{nameof(InitialRetryDelay)} ({InitialRetryDelay}) must be >= 0 and <= {nameof(MaxRetryDelay)} ({MaxRetryDelay}).",
                nameof(InitialRetryDelay));
        }
    }
}
