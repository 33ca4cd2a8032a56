using Release.Foundation.Secrets;
using System.Runtime.ExceptionServices;

namespace Release.Tooling.Processes;

/// <summary>
/// Gathers the lines of one process run: masks them, keeps them per stream and as a short interleaved tail
/// for error messages, and forwards them to the caller's callback one at a time.
/// </summary>
internal sealed class OutputCollector(SecretMasker masker, Action<string>? onOutput, int tailSize)
{
    private readonly object gate = new();
    private readonly List<string> output = [];
    private readonly List<string> error = [];
    private readonly Queue<string> tail = new();
    private ExceptionDispatchInfo? callbackFailure;

    public void Add(string rawLine, bool isError)
    {
        var line = masker.Mask(rawLine);
        lock (gate)
        {
            (isError ? error : output).Add(line);
            tail.Enqueue(line);
            if (tail.Count > tailSize)
            {
                tail.Dequeue();
            }
            if (onOutput is null || callbackFailure is not null)
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
                callbackFailure = ExceptionDispatchInfo.Capture(e);
            }
        }
    }

    public IReadOnlyList<string> Output { get { lock (gate) { return output.ToArray(); } } }

    public IReadOnlyList<string> Error { get { lock (gate) { return error.ToArray(); } } }

    public IReadOnlyList<string> Tail() { lock (gate) { return tail.ToArray(); } }

    public void ThrowIfCallbackFailed() => callbackFailure?.Throw();
}
