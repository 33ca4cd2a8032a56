namespace Release.Tooling.Http;

/// <summary>
/// Tuning of <see cref="HttpRetryPolicy"/>: how often and how long to retry. The defaults suit a build talking to a
/// registry, an advisory mirror or a webhook: four attempts, backoff from 250 ms to 8 s with jitter, and a server's
/// <c>Retry-After</c> honoured up to 30 s.
/// </summary>
public sealed record HttpRetryOptions
{
    /// <summary>How many times one request is tried in total (1 means no retry). Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The median wait before the first retry when the server names none; later waits grow exponentially.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest backoff wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest <c>Retry-After</c> that is waited for. A server asking for more gets its answer returned at once:
    /// a build should fail with the server's reason rather than hang.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomises backoff waits so that many clients failing together do not retry together. Default on.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>The clock waits are measured on; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks the values and names the option that is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public HttpRetryOptions Validate()
    {
        if (MaxAttempts < 1)
            throw new ArgumentException($"{nameof(MaxAttempts)} is {MaxAttempts}; it must be at least 1.", nameof(MaxAttempts));
        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
            throw new ArgumentException(
                $"{nameof(InitialDelay)} ({InitialDelay}) must be >= 0 and <= {nameof(MaxDelay)} ({MaxDelay}).",
                nameof(InitialDelay));
        if (MaxRetryAfter < TimeSpan.Zero)
            throw new ArgumentException($"{nameof(MaxRetryAfter)} ({MaxRetryAfter}) must be >= 0.", nameof(MaxRetryAfter));
        return this;
    }
}
