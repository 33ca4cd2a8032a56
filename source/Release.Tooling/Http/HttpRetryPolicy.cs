using System.Net;
using Polly;
using Polly.Retry;

namespace Release.Tooling.Http;

/// <summary>
/// The one retry policy of every HTTP client in the tool layers (registry client, advisory mirror sync, Slack notifier).
/// It retries connection failures, timeouts that the caller did not ask for, 408, 429 and 5xx answers; waits what a
/// <c>Retry-After</c> header says (seconds or a date) and otherwise backs off exponentially with jitter; and stops
/// after <see cref="HttpRetryOptions.MaxAttempts"/>, returning the last answer or rethrowing the last failure.
/// </summary>
public sealed class HttpRetryPolicy
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly HttpRetryOptions _options;

    /// <summary>Builds the policy; <paramref name="log"/> hears one line per retry (no URLs: they may carry secrets).</summary>
    /// <param name="options">Attempts, delays and clock; null for the defaults.</param>
    /// <param name="log">Receives e.g. "429 Too Many Requests; attempt 2 of 4 in 1000 ms (Retry-After)".</param>
    public HttpRetryPolicy(HttpRetryOptions? options = null, Action<string>? log = null)
    {
        _options = (options ?? new HttpRetryOptions()).Validate();
        _pipeline = Build(_options, log ?? (_ => { }));
    }

    /// <summary>How many times a request is tried in total.</summary>
    public int MaxAttempts => _options.MaxAttempts;

    /// <summary>
    /// Calls <paramref name="send"/> until it gives an answer not worth retrying or the attempts run out. Each call must
    /// build a fresh request (a sent request and its body cannot be sent again). Failed answers that are retried are disposed.
    /// </summary>
    /// <returns>The last answer, successful or not.</returns>
    /// <exception cref="HttpRequestException">The last attempt could not connect (or another transport failure).</exception>
    public async Task<HttpResponseMessage> SendAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken = default) =>
        await _pipeline.ExecuteAsync(async ct => await send(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Whether an answer is worth another attempt: 408, 429 and 5xx.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static ResiliencePipeline<HttpResponseMessage> Build(HttpRetryOptions options, Action<string> log)
    {
        // Polly needs at least one retry; a single attempt is simply no strategy.
        if (options.MaxAttempts == 1) return ResiliencePipeline<HttpResponseMessage>.Empty;
        var clock = options.TimeProvider;
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = options.UseJitter,
            Delay = options.InitialDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: { } e } => IsConnectionFailure(e, args.Context.CancellationToken),
                { Result: { } response } => IsTransient(response.StatusCode)
                                            && !(RetryAfter(response, clock) > options.MaxRetryAfter),
                _ => false,
            }),
            // The server's Retry-After wins over backoff; null lets Polly compute the jittered backoff.
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, clock) : null),
            OnRetry = args =>
            {
                var failure = args.Outcome.Result is { } r
                    ? $"{(int)r.StatusCode} {r.ReasonPhrase ?? r.StatusCode.ToString()}"
                    : args.Outcome.Exception?.Message;
                var reason = args.Outcome.Result is { } answered && RetryAfter(answered, clock) is not null ? " (Retry-After)" : "";
                log($"{failure}; attempt {args.AttemptNumber + 2} of {options.MaxAttempts} in {args.RetryDelay.TotalMilliseconds:0} ms{reason}");
                return ValueTask.CompletedTask;
            },
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }.AddRetry(retry).Build();
    }

    // Retry-After as seconds or as an HTTP date (RFC 9110 10.2.3); a date in the past means "now".
    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    // A timeout surfaces as TaskCanceledException without the caller's token being cancelled.
    private static bool IsConnectionFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
