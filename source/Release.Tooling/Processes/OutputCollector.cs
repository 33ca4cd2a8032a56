using Release.Foundation.Secrets;
using System.Runtime.ExceptionServices;

namespace Release.Tooling.Processes;

/// <summary>
/// Gathers the lines of one process run: masks them, keeps them per stream and as a short interleaved tail
/// for error messages, and forwards them to the caller's callback one at a time.
/// </summary>
internal sealed class OutputCollector(SecretMasker masker, Action<string>? onOutput, int tailSize)
{
    private readonly object _gate = new();
    private readonly List<string> _output = [];
    private readonly List<string> _error = [];
    private readonly Queue<string> _tail = new();
    private ExceptionDispatchInfo? _callbackFailure;

    public void Add(string rawLine, bool isError)
    {
        var line = masker.Mask(rawLine);
        lock (_gate)
        {
            (isError ? _error : _output).Add(line);
            _tail.Enqueue(line);
            if (_tail.Count > tailSize)
            {
                _tail.Dequeue();
            }
            if (onOutput is null || _callbackFailure is not null)
            {
                return;
            }
            try
            {
                onOutput(line);
            }
            catch (Exception e)
            {
                // Keep draining the pipes (a child blocked on a full pipe would never exit); rethrow after the run.
                _callbackFailure = ExceptionDispatchInfo.Capture(e);
            }
        }
    }

    public IReadOnlyList<string> Output { get { lock (_gate) { return _output.ToArray(); } } }

    public IReadOnlyList<string> Error { get { lock (_gate) { return _error.ToArray(); } } }

    public IReadOnlyList<string> Tail() { lock (_gate) { return _tail.ToArray(); } }

    public void ThrowIfCallbackFailed() => _callbackFailure?.Throw();
}
