using Release.Containers.BaseImages;
using Release.Tooling.Processes;

namespace Release.Containers.Builders;

/// <summary>Turns a failed build's output into the right exception: base image unavailable, or a plain build failure.</summary>
internal static class BuildFailures
{
    private const int MaxErrorLines = 30;

    /// <summary>
    /// Throws <see cref="BaseImageUnavailableException"/> when a line matching <paramref name="isBaseImageFailure"/> is found,
    /// else <see cref="ContainerBuildException"/> with the error lines.
    /// </summary>
    public static Exception From(string what, string? baseImage, ProcessSpec spec, ProcessResult result, Func<string, bool> isBaseImageFailure)
    {
        var lines = result.Output.Concat(result.Error).ToList();
        var commandLine = $"{spec.FileName} {string.Join(' ', spec.Arguments)}";
        if (baseImage is not null && lines.FirstOrDefault(isBaseImageFailure) is { } reason)
            return new BaseImageUnavailableException(baseImage, Clean(reason));
        var errors = lines.Where(
            l => l.Contains("error", StringComparison.OrdinalIgnoreCase) && !l.TrimStart().StartsWith("at ", StringComparison.Ordinal))
            .Select(Clean).Distinct().Take(MaxErrorLines).ToList();
        return new ContainerBuildException(what, commandLine, errors.Count > 0 ? errors : lines.TakeLast(MaxErrorLines).ToList());
    }

    /// <summary>Drops MSBuild's "path(line,col): error CODE:" prefix and " [project]" suffix so the reason reads plainly.</summary>
    private static string Clean(string line)
    {
        var text = line.Trim();
        var marker = text.IndexOf(": error ", StringComparison.Ordinal);
        if (marker >= 0)
            text = text[(marker + 2)..];
        if (text.EndsWith(']') && text.LastIndexOf(" [", StringComparison.Ordinal) is var bracket and > 0)
            text = text[..bracket];
        return text;
    }
}
