using YamlDotNet.RepresentationModel;

namespace Release.Helm.Charts;

/// <summary>Who decides a key in a generated YAML file when the chart is regenerated.</summary>
public enum ValueOwnership
{
    /// <summary>The generator: the key is set from the <see cref="ChartSpec"/> on every run, replacing any edit.</summary>
    Generator,

    /// <summary>The team: the generator writes a starting value only when the key is absent, then never touches it.</summary>
    SeededForTeam,
}

/// <summary>One key the generator writes, by dotted path (e.g. <c>image.digest</c>), with its value and owner.</summary>
/// <param name="Path">Dotted path from the document root.</param>
/// <param name="Value">The value to write.</param>
/// <param name="Ownership">Who owns the key after the first run.</param>
public sealed record GeneratedValue(string Path, YamlNode Value, ValueOwnership Ownership);
