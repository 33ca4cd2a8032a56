using Release.Engine.Parameters;

namespace Release.Engine.Output;

/// <summary>Writes <c>--help</c>: targets with descriptions and dependencies, parameters with where their value comes from.</summary>
internal static class HelpWriter
{
    public static void Write(BuildLog log, TargetGraph graph, ParameterValues parameters, string? defaultTarget)
    {
        log.Plain("Usage: ./build.sh [targets] [--parameter value ...] [--skip [targets]] [--plan] [--force] [--max-parallel N] [--profile NAME] [--help]");
        log.Plain("");
        log.Plain("Targets (-> dependencies):");
        var listed = graph.Targets.Where(t => !t.Unlisted).ToList();
        var width = listed.Select(t => t.Name.Length).DefaultIfEmpty(0).Max() + " (default)".Length + 2;
        foreach (var target in listed)
        {
            var name = target.Name + (target.Name == defaultTarget ? " (default)" : "");
            var dependencies = target.DependsOn.Count > 0 ? $" -> {string.Join(", ", target.DependsOn)}" : "";
            log.Plain($"  {name.PadRight(width)}{target.Description}{dependencies}");
        }
        log.Plain("");
        log.Plain("Parameters (source of the current value):");
        var argumentWidth = graph.Parameters.Select(p => p.ArgumentName.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var parameter in graph.Parameters)
        {
            var source = parameters.SourceOf(parameter.Name) is { } from ? "from " + from : "not set";
            var flags = (parameter.IsSecret ? " [secret]" : "") + (parameter.IsRequired ? " [required]" : "");
            log.Plain($"  {parameter.ArgumentName.PadRight(argumentWidth)}{TypeName(parameter.Type)}{flags} {parameter.Description} ({source}; env {parameter.EnvironmentName})");
        }
        log.Plain("");
        log.Plain("Values come from the command line, then environment variables, then --profile files, then .nuke/parameters.json.");
    }

    private static string TypeName(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner.IsArray) return TypeName(inner.GetElementType()!) + "[]";
        return inner.IsEnum ? $"{{{string.Join("|", Enum.GetNames(inner))}}}" : inner.Name.ToLowerInvariant() switch
        {
            "string" => "<text>",
            "boolean" => "<bool>",
            "int32" or "int64" => "<number>",
            "absolutepath" => "<path>",
            var other => $"<{other}>",
        };
    }
}
