namespace Release.Engine.Parameters;

/// <summary>
/// Every place a parameter value can come from, highest priority first: command line, environment,
/// the <c>--profile</c> file, then <c>.nuke/parameters.json</c>.
/// </summary>
public sealed record ParameterSources(
    IReadOnlyDictionary<string, (string Spelling, IReadOnlyList<string> Values)> CommandLine,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ParameterFile> Files)
{
    /// <summary>
    /// The first source that gives <paramref name="parameter"/> a value. A blank value (empty or only white space) means
    /// "not set", from every source: a default or a later source still applies, and no target ever sees a blank string.
    /// A parameter marked <see cref="NotEmptyAttribute"/> is the exception: there a blank value is refused, not ignored.
    /// </summary>
    public RawValue? Find(ParameterDescriptor parameter)
    {
        var key = NameMatching.Normalize(parameter.Name);
        if (CommandLine.TryGetValue(key, out var argument) && !IsBlank(argument.Values, parameter))
            return new RawValue(argument.Values, argument.Spelling);

        foreach (var (name, value) in Environment)
        {
            if (!NameMatching.NormalizesTo(name, key)) continue;
            // CI files map team variables into every job (GitLab expands an undefined $NAME to nothing): an empty
            // variable means "not set", so a default or a later source still applies and no constraint refuses "".
            if (value.Length == 0 || IsBlank([value], parameter)) continue;
            // Azure Pipelines passes a mapped variable that is not defined (env: NAME: $(NAME)) as that literal text.
            if (value == $"$({name})") continue;
            var values = parameter.Type.IsArray
                ? value.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [value];
            return new RawValue(values, $"environment variable {name}");
        }

        foreach (var file in Files)
            foreach (var (name, values) in file.Values)
                if (values is not null && !IsBlank(values, parameter) && NameMatching.NormalizesTo(name, key))
                    return new RawValue(values, $"{file.DisplayPath} (\"{name}\")");
        return null;
    }

    // One blank value of a single-valued parameter; a flag given without a value (no values) is set, not blank.
    private static bool IsBlank(IReadOnlyList<string> values, ParameterDescriptor parameter) =>
        !parameter.Type.IsArray && values.Count == 1 && string.IsNullOrWhiteSpace(values[0])
        && !parameter.Constraints.OfType<NotEmptyAttribute>().Any();
}
