using System.Text;

namespace Release.Engine.Output;

/// <summary>The writer a console run logs to: standard output, flushed at every write.</summary>
internal static class ConsoleWriter
{
    // Console.Out sends what it is given through a buffer of 256 characters, so one long write (the help, about 25 KB)
    // left in about a hundred writes to the pipe or terminal, each of which can wake whoever reads it. A writer over the
    // same stream with a large buffer sends each write in one piece and, flushing after every write as Console.Out
    // does, keeps lines as prompt. Only where the console's encoding is UTF-8, the encoding this writer uses.
    private const int BufferSize = 32 * 1024;

    public static TextWriter Open() =>
        Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage
            ? TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), BufferSize) { AutoFlush = true })
            : Console.Out;
}
