using Release.Engine.Parameters;

namespace Release.Engine.Output;

/// <summary>Writes <c>--help</c>: targets with descriptions and dependencies, parameters with where their value comes from.</summary>
internal static class HelpWriter
{
    /// <summary>
    /// Set by a bootstrap other than build.sh (build.ps1 sets it to <c>build.ps1</c>) so the usage line names the script
    /// the user actually started.
    /// </summary>
    public const string ScriptVariable = "RELEASE_SCRIPT_NAME";

    public static void Write(
        BuildLog log,
        TargetGraph graph,
        ParameterValues parameters,
        string? defaultTarget,
        IReadOnlyDictionary<string, string> environment)
    {
        var script = environment.GetValueOrDefault(ScriptVariable) is { Length: > 0 } started ? started : "build.sh";
        // Collected first so the help goes out in one write.
        var text = new System.Text.StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');

        Line($"Usage: ./{script} [targets] [--parameter value ...] [--skip [targets]] [--plan] [--force] [--max-parallel N] [--profile NAME] " +
            "[--verbose] [--help]");
        Line("");
        Line("Targets (-> dependencies):");
        var listed = graph.Targets.Where(t => !t.Unlisted).ToList();
        var width = Widest(listed.Select(t => t.Name)) + " (default)".Length + 2;
        foreach (var target in listed)
        {
            var name = target.Name + (target.Name == defaultTarget ? " (default)" : "");
            var dependencies = target.DependsOn.Count > 0 ? $" -> {string.Join(", ", target.DependsOn)}" : "";
            text.Append("  ").Append(name).AppendSpaces(width - name.Length);
            Line($"{target.Description}{dependencies}");
        }
        Line("");
        Line("Parameters (source of the current value):");
        var argumentWidth = Widest(graph.Parameters.Select(p => p.ArgumentName)) + 2;
        foreach (var parameter in graph.Parameters)
        {
            var source = parameters.SourceOf(parameter.Name) is { } from ? "from " + from : "not set";
            var flags = (parameter.IsSecret ? " [secret]" : "") + (parameter.IsRequired ? " [required]" : "");
            var rules = Rules(parameter);
            text.Append("  ").Append(parameter.ArgumentName).AppendSpaces(argumentWidth - parameter.ArgumentName.Length);
            Line($"{TypeName(parameter.Type)}{flags} {parameter.Description}{rules} ({source}; " +
                $"env {parameter.EnvironmentName})");
        }
        Line("");
        text.Append("Values come from the command line, then environment variables, then --profile files, then .nuke/parameters.json.");
        log.Plain(text.ToString());
    }

    /// <summary>The declared constraints in words, so --help says what the build will accept.</summary>
    private static string Rules(ParameterDescriptor parameter)
    {
        if (parameter.Constraints.Count == 0) return "";
        var rules = new System.Text.StringBuilder(" [must be ");
        for (var i = 0; i < parameter.Constraints.Count; i++)
            rules.Append(i == 0 ? "" : "; and ").Append(parameter.Constraints[i].Allowed);
        return rules.Append(']').ToString();
    }

    private static int Widest(IEnumerable<string> texts)
    {
        var widest = 0;
        foreach (var text in texts) widest = Math.Max(widest, text.Length);
        return widest;
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
