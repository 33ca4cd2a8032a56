using Release.Foundation.Secrets;
using Release.Engine.Output;

namespace Release.Engine.Parameters;

/// <summary>Resolves, type-checks and (for secrets) registers every parameter before any target runs.</summary>
public static class ParameterResolver
{
    /// <summary>
    /// Resolves all parameters; unknown names on the command line or in files are errors with suggestions, and a value
    /// that breaks its parameter's constraints is refused here, before any target is planned.
    /// </summary>
    public static ParameterValues Resolve(
        IReadOnlyList<ParameterDescriptor> descriptors,
        ParameterSources sources,
        AbsolutePath root,
        SecretMasker masker)
    {
        var known = descriptors.ToDictionary(d => NameMatching.Normalize(d.Name));
        // Count first: enumerating an empty dictionary of value tuples starts code that is not precompiled, on every start.
        if (sources.CommandLine.Count > 0)
            foreach (var (key, argument) in sources.CommandLine)
                if (!known.ContainsKey(key))
                    throw Unknown(argument.Spelling, "on the command line", descriptors.Select(d => d.ArgumentName));
        foreach (var file in sources.Files)
            foreach (var name in file.Values.Keys)
                if (!known.ContainsKey(NameMatching.Normalize(name)))
                    throw Unknown($"\"{name}\"", "in " + file.DisplayPath, descriptors.Select(d => d.Name));

        var values = new Dictionary<string, (object?, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in descriptors)
        {
            var raw = sources.Find(descriptor);
            if (raw is null) continue;
            if (descriptor.IsSecret)
                foreach (var text in raw.Values)
                {
                    masker.Add(text);
                    masker.Add(text.Trim()); // targets trim values before they use them
                }
            var value = ValueConverter.Convert(raw, descriptor.Type, descriptor.Name, root);
            ParameterValidator.Check(descriptor, value, raw.Source);
            values[descriptor.Name] = (value, raw.Source);
        }
        return new ParameterValues(descriptors, values);
    }

    private static BuildInputException Unknown(string spelling, string place, IEnumerable<string> valid)
    {
        var all = valid.ToList();
        var closest = NameMatching.Closest(spelling.Trim('"', '-'), all);
        var hint = closest.Count > 0 ? $"Did you mean {string.Join(", ", closest)}?" : "Run with --help to list the parameters.";
        return new BuildInputException(
            $"Unknown parameter {spelling} {place}. {hint} Valid parameters: {(all.Count == 0 ? "(none)" : string.Join(", ", all))}.");
    }
}
