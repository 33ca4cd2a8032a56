using System.Text;
using Release.Foundation.IO;

namespace Release.Engine.Output;

/// <summary>
/// <c>.nuke/build.schema.json</c> on disk: written when the root has a <c>.nuke</c> folder, and only when its content
/// changes (editors watch it; an unchanged file keeps its timestamp).
/// </summary>
internal static class SchemaFile
{
    /// <summary>
    /// Writes the schema <paramref name="render"/> gives, rendered only when there is a <c>.nuke</c> folder to hold it.
    /// Not an async method: the file usually holds the schema already, and a state machine costs --help its start-up.
    /// </summary>
    public static Task WriteAsync(AbsolutePath root, Func<string> render, CancellationToken cancellationToken)
    {
        var directory = root / ".nuke";
        if (!directory.DirectoryExists()) return Task.CompletedTask;
        var text = Encoding.UTF8.GetBytes(render());
        var path = directory / "build.schema.json";
        return Holds(path, text) ? Task.CompletedTask : AtomicFile.WriteBytesAsync(path, text, cancellationToken);
    }

    /// <summary>
    /// Whether the file already holds <paramref name="text"/>. Read synchronously: the file is small and local, and on
    /// Linux an asynchronous read starts the thread pool, which costs --help more than the rest of the schema does.
    /// </summary>
    private static bool Holds(AbsolutePath path, byte[] text)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length != text.Length) return false;
        try { return File.ReadAllBytes(path).AsSpan().SequenceEqual(text); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; } // the write says what is wrong
    }
}
