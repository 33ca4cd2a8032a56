using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Release.Helm.Yaml;

/// <summary>Wraps a YAML parser and remembers the line of the last event parsed, to locate errors that carry no position.</summary>
internal sealed class LineTrackingParser(IParser inner) : IParser
{
    public long LastLine { get; private set; } = 1;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current) LastLine = current.End.Line;
        return moved;
    }
}
